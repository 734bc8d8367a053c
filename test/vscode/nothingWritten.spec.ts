import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { clausemark, clausemarkDiagnostics, workspaceUri } from './helpers.js';

/** Every file of the workspace (but the caches) with a hash of its content. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.name === '.clausemark-cache') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        files.set(
          relative(root, path),
          createHash('sha1')
            .update(await fs.readFile(path))
            .digest('hex'),
        );
    }
  };
  await walk(root);
  return files;
}

describe('Clausemark writes nothing on its own', () => {
  it('offering every code action and running every read-only command changes no file', async () => {
    const api = await clausemark();
    await api.settled();
    const root = workspaceUri().fsPath;
    const before = await snapshot(root);

    // Ask for the code actions of every diagnostic in every file (offering them must not apply them).
    let offered = 0;
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      if (!uri.fsPath.startsWith(root)) continue;
      // As in an editor: a document's model is loaded before its providers are asked (the web workbench
      // rejects provider commands for documents it has not loaded).
      await vscode.workspace.openTextDocument(uri);
      for (const diagnostic of diagnostics.filter((d) => d.source === 'clausemark')) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
        offered += actions.length;
      }
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      await vscode.commands.executeCommand('vscode.executeLinkProvider', uri);
    }
    assert.ok(offered > 5, `${offered} code actions offered`);
    assert.ok(clausemarkDiagnostics(workspaceUri('clausemark.json')).length > 0);

    // Commands that show or re-check, but never write.
    await vscode.commands.executeCommand('clausemark.showCoverage');
    await vscode.commands.executeCommand('clausemark.showGapsOnly');
    await vscode.commands.executeCommand('clausemark.showAllClauses');
    await vscode.commands.executeCommand('clausemark.showTraceability', workspaceUri('sms', 'processes', 'incident-and-request-management.md'));
    await vscode.commands.executeCommand('clausemark.showTraceabilityAll', '8.6');
    await vscode.commands.executeCommand('clausemark.recheck');
    await api.settled();

    const after = await snapshot(root);
    assert.deepEqual(
      [...after.entries()].filter(([path, hash]) => before.get(path) !== hash),
      [],
      'no file changed or appeared',
    );
    assert.deepEqual(
      [...before.keys()].filter((path) => !after.has(path)),
      [],
      'no file disappeared',
    );
  });
});
