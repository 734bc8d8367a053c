import * as vscode from 'vscode';
import { targetAt, type Target } from '../../core/language/locate.js';
import { clauseReferences, definitionsOf, documentLinks, documentReferences, type Place } from '../../core/language/navigation.js';
import { toRange } from '../convert.js';
import type { FolderSession } from '../folderSession.js';
import type { SessionRegistry } from '../sessionRegistry.js';

function targetUnder(registry: SessionRegistry, document: vscode.TextDocument, position: vscode.Position): { target: Target; session: FolderSession } | undefined {
  const current = registry.current(document);
  const state = current?.session?.current;
  if (!current?.session || !current.read.document || !state) return undefined;
  const target = targetAt(current.read.document, document.getText(), current.read.lines, state.project.catalog, document.offsetAt(position));
  return target ? { target, session: current.session } : undefined;
}

const toLocation = (session: FolderSession, place: Place): vscode.Location => new vscode.Location(session.uriOf(place.path), toRange(place.range));

/** Go to definition on a document id (the document that has it) or an evidence path (the file). */
export class ClausemarkDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly registry: SessionRegistry) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const found = targetUnder(this.registry, document, position);
    const index = found?.session.current?.index;
    if (!found || !index) return undefined;
    if (found.target.kind === 'document-id') return definitionsOf(found.target.id, index.documentsWithId(found.target.id)).map((place) => toLocation(found.session, place));
    if (found.target.kind === 'evidence-path' && found.target.resolved) return [new vscode.Location(found.session.uriOf(found.target.resolved), new vscode.Position(0, 0))];
    return undefined;
  }
}

/** Find all references of a clause id or a document id across the SMS. */
export class ClausemarkReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly registry: SessionRegistry) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const found = targetUnder(this.registry, document, position);
    const index = found?.session.current?.index;
    if (!found || !index) return undefined;
    const places = found.target.kind === 'clause' ? clauseReferences(found.target.clause, index.documents()) : found.target.kind === 'document-id' ? documentReferences(found.target.id, index.documents()) : [];
    return places.map((place) => toLocation(found.session, place));
  }
}

/** Evidence paths and `related` ids are clickable. */
export class ClausemarkDocumentLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly registry: SessionRegistry) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const current = this.registry.current(document);
    const index = current?.session?.current?.index;
    if (!current?.session || !current.read.document || !index) return [];
    return documentLinks(current.read.document, (id) => index.documentsWithId(id)).map((link) => {
      const documentLink = new vscode.DocumentLink(toRange(link.range), current.session?.uriOf(link.target));
      documentLink.tooltip = link.tooltip;
      return documentLink;
    });
  }
}
