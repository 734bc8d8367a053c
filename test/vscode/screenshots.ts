// Drives a real workbench into the states the README shows and asks the runner to capture each
// (scripts/screenshots.mjs; protocol: scripts/vscode-offline/run-tests.mjs --screenshot-dir).
// Every state is checked through the extension's API first, so a picture never shows a half-loaded window.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClausemarkApi } from '../../src/extension/extension.js';
import { clausemark, clausemarkDiagnostics, ruleOf, waitFor, workspaceUri } from './helpers.js';

const INCIDENT_REVIEW = ['sms', 'records', 'incidents', '2026-09-14-major-incident-review.md'];
const INCIDENT_PROCESS = ['sms', 'processes', 'incident-and-request-management.md'];

/** Time for the workbench to paint what the last command changed (hover fade-in, tree and panel layout). */
const SETTLE_MS = 1500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the runner for a picture and waits until the PNG is on disk. */
async function capture(name: string): Promise<void> {
  const folder = process.env.CLAUSEMARK_SCREENSHOT_DIR;
  if (!folder) throw new Error('CLAUSEMARK_SCREENSHOT_DIR is not set: run this suite with scripts/screenshots.mjs');
  const file = join(folder, `${name}.png`);
  rmSync(file, { force: true });
  // Notifications are not the subject (e.g. a missing snippets file in a development build).
  await vscode.commands.executeCommand('notifications.clearAll');
  await pause(SETTLE_MS);
  console.log(`CLAUSEMARK_SCREENSHOT ${name}`);
  await waitFor(`the runner to save ${file}`, () => existsSync(file), 20_000);
}

/** Makes the focused part (side bar, panel) bigger, one step per call. */
async function grow(steps: number): Promise<void> {
  for (let step = 0; step < steps; step++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
}

async function openAt(parts: string[], find: string, offsetInFind = 0): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  const offset = document.getText().indexOf(find);
  if (offset < 0) throw new Error(`"${find}" is not in ${document.uri.path}`);
  const position = document.positionAt(offset + offsetInFind);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

async function problems(): Promise<void> {
  const review = workspaceUri(...INCIDENT_REVIEW);
  await waitFor('findings on the incident review', () => clausemarkDiagnostics(review).some((d) => ruleOf(d) === 'clause.unknown'));
  await vscode.commands.executeCommand('workbench.view.explorer');
  await openAt(INCIDENT_REVIEW, '8.6.4');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await grow(2); // the panel has focus: room for more findings
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await capture('problems');
}

async function quickFix(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await openAt(INCIDENT_REVIEW, '8.6.4', 2);
  await vscode.commands.executeCommand('revealLine', { lineNumber: 0, at: 'top' });
  await vscode.commands.executeCommand('editor.action.quickFix');
  await capture('quick-fix');
  await vscode.commands.executeCommand('hideCodeActionWidget');
}

async function hover(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await openAt(INCIDENT_PROCESS, '8.6.1', 2);
  await vscode.commands.executeCommand('editor.action.showHover');
  await capture('hover');
}

/** Expands the top-level clause `top`, its child `child`, that child's first clause and its first document, with list commands on the focused tree. */
async function expandClauses(api: ClausemarkApi, top: string, child: string): Promise<void> {
  const labelOf = (node: Awaited<ReturnType<typeof api.coverageTree.getChildren>>[number]) => String(api.coverageTree.getTreeItem(node).label).split(' ')[0];
  const tops = await api.coverageTree.getChildren();
  const topIndex = tops.findIndex((node) => labelOf(node) === top);
  const topNode = tops[topIndex];
  if (!topNode) throw new Error(`clause ${top} is not in the coverage tree`);
  const childIndex = (await api.coverageTree.getChildren(topNode)).findIndex((node) => labelOf(node) === child);
  if (childIndex < 0) throw new Error(`clause ${child} is not under ${top}`);
  const list = async (command: string) => {
    await vscode.commands.executeCommand(command);
    await pause(150);
  };
  await list('list.focusFirst');
  for (let step = 0; step < topIndex; step++) await list('list.focusDown');
  await list('list.expand');
  await pause(500);
  for (let step = 0; step <= childIndex; step++) await list('list.focusDown');
  await list('list.expand');
  await pause(500);
  for (const command of ['list.focusDown', 'list.expand', 'list.focusDown', 'list.expand']) await list(command);
}

async function coverageTree(api: ClausemarkApi): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await openAt(INCIDENT_PROCESS, 'clauses:');
  await vscode.commands.executeCommand('clausemark.showCoverage');
  await waitFor('the coverage tree', async () => (await api.coverageTree.getChildren()).length > 0);
  // The list commands act on the focused tree: let the view render and take focus first.
  await pause(SETTLE_MS);
  await vscode.commands.executeCommand('clausemark.coverage.focus');
  await grow(4); // wide enough for the clause titles and statuses
  await pause(500);
  await expandClauses(api, '8', '8.6');
  await capture('coverage-tree');
}

async function traceability(api: ClausemarkApi): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.explorer');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await openAt(INCIDENT_PROCESS, 'clauses:');
  await vscode.commands.executeCommand('clausemark.showTraceability', workspaceUri(...INCIDENT_PROCESS));
  const page = await waitFor('the traceability page to draw', () => api.traceability()?.page, 30_000);
  if (!('rendered' in page)) throw new Error(`the traceability diagram failed: ${page.failed}`);
  await capture('traceability');
}

/** Entry point the extension host calls, like the integration suite's. */
export async function run(): Promise<void> {
  const api = await clausemark();
  await api.settled();
  await problems();
  await quickFix();
  await hover();
  await coverageTree(api);
  await traceability(api);
}
