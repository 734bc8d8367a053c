import type { CodeAction, CodeLens, CompletionItem, Definition, DocumentLink, Hover, Location, Position, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import {
  clauseHoverWithCounterparts,
  documentReadOptions,
  clauseReferences,
  completionContextAt,
  CYCLE_VALUES,
  definitionsOf,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  documentHover,
  documentLinks,
  documentReferences,
  documentSummary,
  isoDay,
  nodeFileSystem,
  nonconformityHover,
  quickFixesFor,
  relativeEvidencePath,
  targetAt,
  type Place,
  type Target,
} from '../core/index.js';
import type { CurrentDocument, FolderEntry, ServerWorkspace } from './serverWorkspace.js';
import { findingOf, toWireRange } from './wireRange.js';
import type { Diagnostic } from 'vscode-languageserver';

const EVIDENCE_SEARCH_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.clausemark-cache/**'];
const MAX_EVIDENCE_SUGGESTIONS = 2000;

/** Hover, completion, navigation, CodeLens and quick fixes: each answers from the core, as of the open buffer. */
export class LanguageFeatures {
  constructor(private readonly workspace: ServerWorkspace) {}

  hover(uri: string, position: Position): Hover | null {
    const found = this.targetUnder(uri, position);
    if (!found) return null;
    const { target, state } = found;
    let markdown: string;
    // The clause in its own catalog (`27001:A.5.24`), with its counterparts by the crosswalk.
    if (target.kind === 'clause')
      markdown = clauseHoverWithCounterparts(state.index.catalogs, state.index.catalogCoverages(), state.project.crosswalk, target.clause);
    else if (target.kind === 'document-id') markdown = documentHover(target.id, state.index.documentsWithId(target.id));
    else if (target.kind === 'nonconformity') markdown = nonconformityHover(target.id, state.index.cycle().nonconformitiesById.get(target.id) ?? []);
    else return null;
    return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toWireRange(target.range) };
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[] | null> {
    const current = this.workspace.current(uri);
    if (!current) return null;
    const config = current.folder?.session.current?.project.config;
    const context = completionContextAt(
      current.document.getText(),
      current.read.lines,
      current.document.offsetAt(position),
      config ? documentReadOptions(config).options : undefined,
    );
    if (!context) return null;
    const range = toWireRange(context.replace);
    const state = current.folder?.session.current;
    // Clause ids contain dots; filter on the whole id and title so `8.6` and `incident` both find 8.6.1.
    const item = (label: string, kind: CompletionItemKind, detail?: string, sortText?: string): CompletionItem => ({
      label,
      kind,
      textEdit: { range, newText: label },
      filterText: `${label} ${detail ?? ''}`,
      ...(detail ? { detail, labelDetails: { description: detail } } : {}),
      ...(sortText ? { sortText } : {}),
    });
    switch (context.kind) {
      case 'type':
        return DOCUMENT_TYPES.map((type) => item(type, CompletionItemKind.EnumMember));
      case 'status':
        return DOCUMENT_STATUSES.map((status) => item(status, CompletionItemKind.EnumMember));
      case 'audit-kind':
      case 'finding-grade':
      case 'finding-status':
        return CYCLE_VALUES[context.kind].map((value) => item(value, CompletionItemKind.EnumMember));
      case 'clause':
        if (!state) return null;
        return state.project.catalog.leaves().map((clause) => ({
          ...item(clause.id, CompletionItemKind.Reference, clause.title, String(clause.order).padStart(6, '0')),
          ...(clause.summary ? { documentation: { kind: MarkupKind.PlainText, value: clause.summary } } : {}),
        }));
      case 'document-id':
        if (!state) return null;
        return state.index
          .documents()
          .flatMap((other) => (other.id && other.path !== current.path ? [item(other.id.value, CompletionItemKind.Reference, other.title?.value)] : []));
      case 'evidence-path': {
        const folder = current.folder;
        if (!folder) return null;
        const files = (await nodeFileSystem.findFiles(folder.session.root, ['**/*'], EVIDENCE_SEARCH_EXCLUDE)).slice(0, MAX_EVIDENCE_SUGGESTIONS);
        return files.flatMap((target) =>
          target !== current.path
            ? [item(relativeEvidencePath(current.path, target), CompletionItemKind.File, state?.index.documentAt(target)?.title?.value)]
            : [],
        );
      }
    }
  }

  definition(uri: string, position: Position): Definition | null {
    const found = this.targetUnder(uri, position);
    if (!found) return null;
    const { target, folder, state } = found;
    if (target.kind === 'document-id') return definitionsOf(target.id, state.index.documentsWithId(target.id)).map((place) => this.location(folder, place));
    if (target.kind === 'evidence-path' && target.resolved)
      return [{ uri: this.workspace.uriOf(folder, target.resolved), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
    return null;
  }

  references(uri: string, position: Position): Location[] | null {
    const found = this.targetUnder(uri, position);
    if (!found) return null;
    const { target, folder, state } = found;
    const places =
      target.kind === 'clause'
        ? clauseReferences(target.clause, state.index.documents())
        : target.kind === 'document-id'
          ? documentReferences(target.id, state.index.documents())
          : [];
    return places.map((place) => this.location(folder, place));
  }

  documentLinks(uri: string): DocumentLink[] {
    const current = this.workspace.current(uri);
    const folder = current?.folder;
    const index = folder?.session.current?.index;
    if (!current?.read.document || !folder || !index) return [];
    return documentLinks(current.read.document, (id) => index.documentsWithId(id)).map((link) => ({
      range: toWireRange(link.range),
      target: this.workspace.uriOf(folder, link.target),
      tooltip: link.tooltip,
    }));
  }

  codeLens(uri: string): CodeLens[] {
    const current = this.workspace.current(uri);
    const model = current?.read.document;
    if (!model || current.folder?.settings.codeLens === false) return [];
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        command: { title: documentSummary(model, isoDay(new Date())), command: 'clausemark.showTraceability', arguments: [uri] },
      },
    ];
  }

  /** Quick fixes for our diagnostics: each finding travels in the diagnostic's `data`. */
  codeActions(uri: string, diagnostics: readonly Diagnostic[], documentChanges: boolean): CodeAction[] {
    const current = this.workspace.current(uri);
    const folder = current?.folder;
    const state = folder?.session.current;
    if (!current || !folder || !state) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const finding = findingOf(diagnostic);
      if (!finding) continue;
      const fixes = quickFixesFor(finding, {
        path: current.path,
        text: current.document.getText(),
        lines: current.read.lines,
        document: current.read.document,
        catalog: state.project.catalog,
        config: state.project.config,
        today: isoDay(new Date()),
      });
      for (const fix of fixes) {
        const edits = fix.edits.map((change) => ({
          range: { start: current.document.positionAt(change.start), end: current.document.positionAt(change.end) },
          newText: change.newText,
        }));
        let edit: WorkspaceEdit;
        if (fix.createFile) {
          if (!documentChanges) continue;
          const created = this.workspace.uriOf(folder, fix.createFile.path);
          edit = {
            documentChanges: [
              ...(edits.length > 0 ? [{ textDocument: { uri, version: current.document.version }, edits }] : []),
              { kind: 'create', uri: created, options: { ignoreIfExists: true } },
              {
                textDocument: { uri: created, version: null },
                edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.createFile.content }],
              },
            ],
          };
        } else {
          edit = { changes: { [uri]: edits } };
        }
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit });
      }
    }
    return actions;
  }

  private targetUnder(
    uri: string,
    position: Position,
  ): { target: Target; folder: FolderEntry; state: NonNullable<FolderEntry['session']['current']>; current: CurrentDocument } | undefined {
    const current = this.workspace.current(uri);
    const folder = current?.folder;
    const state = folder?.session.current;
    if (!current?.read.document || !folder || !state) return undefined;
    const target = targetAt(current.read.document, current.document.getText(), current.read.lines, state.project.catalog, current.document.offsetAt(position));
    return target ? { target, folder, state, current } : undefined;
  }

  private location(folder: FolderEntry, place: Place): Location {
    return { uri: this.workspace.uriOf(folder, place.path), range: toWireRange(place.range) };
  }
}
