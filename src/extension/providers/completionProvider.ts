import * as vscode from 'vscode';
import { documentReadOptions } from '../../core/config/documentFormat.js';
import { CACHE_FOLDER } from '../../core/config/clausemarkConfig.js';
import { completionContextAt, CYCLE_VALUES, relativeEvidencePath } from '../../core/language/completion.js';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../../core/model/documentTypes.js';
import { toRange } from '../convert.js';
import type { SessionRegistry } from '../sessionRegistry.js';

/** Completion in frontmatter: clauses, document ids, evidence files, types and statuses. */
export class ClausemarkCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly registry: SessionRegistry) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const current = this.registry.current(document);
    if (!current) return undefined;
    const config = current.session?.current?.project.config;
    const context = completionContextAt(document.getText(), current.read.lines, document.offsetAt(position), config ? documentReadOptions(config).options : undefined);
    if (!context) return undefined;
    const range = toRange(context.replace);
    const state = current.session?.current;
    const item = (label: string, kind: vscode.CompletionItemKind, detail?: string, sortText?: string): vscode.CompletionItem => {
      const completion = new vscode.CompletionItem({ label, ...(detail ? { description: detail } : {}) }, kind);
      completion.range = range;
      if (detail) completion.detail = detail;
      if (sortText) completion.sortText = sortText;
      // Clause ids contain dots; filter on the whole id and title so `8.6` and `incident` both find 8.6.1.
      completion.filterText = `${label} ${detail ?? ''}`;
      return completion;
    };
    switch (context.kind) {
      case 'type':
        return DOCUMENT_TYPES.map((type) => item(type, vscode.CompletionItemKind.EnumMember));
      case 'status':
        return DOCUMENT_STATUSES.map((status) => item(status, vscode.CompletionItemKind.EnumMember));
      case 'audit-kind':
      case 'finding-grade':
      case 'finding-status':
        return CYCLE_VALUES[context.kind].map((value) => item(value, vscode.CompletionItemKind.EnumMember));
      case 'clause': {
        if (!state) return undefined;
        return state.project.catalog.leaves().map((clause) => {
          const completion = item(clause.id, vscode.CompletionItemKind.Reference, clause.title, String(clause.order).padStart(6, '0'));
          if (clause.summary) completion.documentation = new vscode.MarkdownString().appendText(clause.summary);
          return completion;
        });
      }
      case 'document-id': {
        if (!state) return undefined;
        return state.index.documents().flatMap((other) => (other.id && other.path !== current.path ? [item(other.id.value, vscode.CompletionItemKind.Reference, other.title?.value)] : []));
      }
      case 'evidence-path': {
        if (!current.session) return undefined;
        const files = await vscode.workspace.findFiles(new vscode.RelativePattern(current.session.folder, '**/*'), `**/{node_modules,.git,${CACHE_FOLDER}}/**`, 2000);
        return files.flatMap((uri) => {
          const target = current.session?.pathOf(uri);
          return target && target !== current.path ? [item(relativeEvidencePath(current.path, target), vscode.CompletionItemKind.File, state?.index.documentAt(target)?.title?.value)] : [];
        });
      }
    }
  }
}
