import * as vscode from 'vscode';
import { isoDay } from '../../core/model/dates.js';
import { documentSummary } from '../../core/language/documentSummary.js';
import type { SessionRegistry } from '../sessionRegistry.js';

/** A summary line above the frontmatter: clauses addressed, evidence count, review due. */
export class ClausemarkCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly registry: SessionRegistry) {
    registry.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('clausemark', document.uri).get<boolean>('codeLens', true)) return [];
    const model = this.registry.current(document)?.read.document;
    if (!model) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: documentSummary(model, isoDay(new Date())), command: 'clausemark.showTraceability', arguments: [document.uri] })];
  }
}
