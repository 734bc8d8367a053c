import * as vscode from 'vscode';
import type { ClausemarkApi } from '../../src/extension/extension.js';

export async function clausemark(): Promise<ClausemarkApi> {
  const extension = vscode.extensions.getExtension<ClausemarkApi>('clausemark.clausemark');
  if (!extension) throw new Error('the Clausemark extension is not installed in this host');
  const api = await extension.activate();
  await api.ready;
  return api;
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function clausemarkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'clausemark');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Replaces the first occurrence of `find` in an open document, without saving. */
export async function editBuffer(document: vscode.TextDocument, find: string, replace: string): Promise<void> {
  const offset = document.getText().indexOf(find);
  if (offset < 0) throw new Error(`"${find}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + find.length)), replace);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
}
