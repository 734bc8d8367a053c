import * as vscode from 'vscode';
import { CatalogSet } from '../../core/catalog/catalogSet.js';
import { clauseHoverWithCounterparts } from '../../core/language/clauseCounterparts.js';
import { documentHover, nonconformityHover } from '../../core/language/hover.js';
import { targetAt } from '../../core/language/locate.js';
import { toRange } from '../convert.js';
import type { SessionRegistry } from '../sessionRegistry.js';

/** Clause ids (frontmatter or prose) and document ids explain themselves on hover. */
export class ClausemarkHoverProvider implements vscode.HoverProvider {
  constructor(private readonly registry: SessionRegistry) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const current = this.registry.current(document);
    const model = current?.read.document;
    const state = current?.session?.current;
    if (!current || !model || !state) return undefined;
    const target = targetAt(model, document.getText(), current.read.lines, state.project.catalog, document.offsetAt(position));
    if (!target) return undefined;
    let markdown: string;
    if (target.kind === 'clause') {
      markdown = clauseHoverWithCounterparts(state.project.catalogs ?? CatalogSet.single(state.project.catalog), state.index.catalogCoverages(), state.project.crosswalk, target.clause);
    } else if (target.kind === 'document-id') {
      markdown = documentHover(target.id, state.index.documentsWithId(target.id));
    } else if (target.kind === 'nonconformity') {
      markdown = nonconformityHover(target.id, state.index.cycle().nonconformitiesById.get(target.id) ?? []);
    } else {
      return undefined;
    }
    const content = new vscode.MarkdownString(markdown);
    content.supportHtml = false;
    content.isTrusted = false;
    return new vscode.Hover(content, toRange(target.range));
  }
}
