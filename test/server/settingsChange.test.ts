import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node.js';
import { ProgressNotification, SettledRequest } from '../../src/protocol/clausemarkProtocol.js';
import { copyExample } from '../support/exampleCopy.js';
import { fileUri, startServer, type TestClient } from '../support/languageServerClient.js';

const INCIDENT = 'sms/processes/incident-and-request-management.md';

async function until(what: string, check: () => boolean, timeoutMs = 30000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('language server: a settings change re-reads only when the settings differ', function () {
  this.timeout(90000);
  let root: string;
  let client: TestClient;
  /** Folder reads the server finished (a progress message with done = total). */
  let reads = 0;
  /** How often the server asked for the settings (each answer serialises `rules`). */
  let served = 0;
  let rules: Record<string, string> = {};
  const settings = {
    get rules(): Record<string, string> {
      served++;
      return rules;
    },
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'clausemark-lsp-settings-'));
    copyExample(root);
    client = await startServer(root, settings);
    client.connection.onNotification(ProgressNotification, (params) => {
      if (params.done === params.total) reads++;
    });
    await client.connection.sendRequest(SettledRequest);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the index when the editor repeats the same settings (VS Code does twice as it starts)', async () => {
    const readsBefore = reads;
    const servedBefore = served;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { clausemark: {} } });
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { clausemark: {} } });
    await until('the server to ask for the settings twice', () => served >= servedBefore + 2);
    await client.connection.sendRequest(SettledRequest);
    assert.equal(reads, readsBefore, 'no folder was read again');
  });

  it('re-reads the folder and republishes when a setting changed', async () => {
    const incident = fileUri(join(root, INCIDENT));
    const before = await client.diagnostics(incident, (params) => params.diagnostics.some((d) => d.code === 'trace.unknown-related'));
    assert.ok(before, 'the example has an unknown related id');
    const readsBefore = reads;
    const mark = client.published.length;
    rules = { 'trace.unknown-related': 'off' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { clausemark: { rules } } });
    await until('the changed settings to be read', () =>
      client.published.slice(mark).some((params) => params.uri === incident && !params.diagnostics.some((d) => d.code === 'trace.unknown-related')),
    );
    assert.equal(reads, readsBefore + 1, 'the folder was read once more');
  });
});
