import * as vscode from 'vscode';
import { isoDay } from '../../core/model/dates.js';
import { quickFixesFor } from '../../core/language/quickFixes.js';
import { ruleIdOf, toRange } from '../convert.js';
import type { SessionRegistry } from '../sessionRegistry.js';

/** Quick fixes for Clausemark's diagnostics, each one undoable workspace edit. */
export class ClausemarkCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly registry: SessionRegistry) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const current = this.registry.current(document);
    const session = current?.session;
    const state = session?.current;
    if (!current || !session || !state) return [];
    const findings = state.index.findingsFor(current.path);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      // Our diagnostics come back as copies: find the finding by rule and position.
      const finding = findings.find((candidate) => candidate.ruleId === ruleId && toRange(candidate.range).isEqual(diagnostic.range));
      if (!finding) continue;
      const fixes = quickFixesFor(finding, {
        path: current.path,
        text: document.getText(),
        lines: current.read.lines,
        document: current.read.document,
        catalog: state.project.catalog,
        config: state.project.config,
        today: isoDay(new Date()),
      });
      for (const fix of fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        const edit = new vscode.WorkspaceEdit();
        for (const change of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
        if (fix.createFile) {
          const uri = session.uriOf(fix.createFile.path);
          edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(fix.createFile.content) });
        }
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }
}
