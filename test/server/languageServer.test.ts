import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';
import { CoverageTreeRequest, ServerInfoRequest, SettledRequest, StatusBarRequest, TraceabilityRequest } from '../../src/protocol/clausemarkProtocol.js';
import { copyExample } from '../support/exampleCopy.js';
import { fileUri, startServer, type TestClient } from '../support/languageServerClient.js';

const INCIDENT = 'sms/processes/incident-and-request-management.md';
const PROBLEM = 'sms/processes/problem-management.md';
const byCode =
  (code: string) =>
  (diagnostic: Diagnostic): boolean =>
    diagnostic.code === code;

describe('language server over stdio (the real server, on a copy of the example)', function () {
  this.timeout(90000);
  let root: string;
  let client: TestClient;
  let incidentUri: string;
  let text: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'clausemark-lsp-'));
    copyExample(root);
    client = await startServer(root);
    incidentUri = fileUri(join(root, INCIDENT));
    text = readFileSync(join(root, INCIDENT), 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: incidentUri, languageId: 'markdown', version: 1, text },
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics at exact positions, with rule id, docs link and the finding as data', async () => {
    const published = await client.diagnostics(incidentUri, (params) => params.version === 1);
    const unknown = published.diagnostics.find(byCode('trace.unknown-related'));
    assert.ok(unknown, 'the unknown related id is reported');
    // `PRC-KNOW` on line 28, columns 73–81 (1-based) of the example.
    assert.deepEqual(unknown.range, { start: { line: 27, character: 72 }, end: { line: 27, character: 80 } });
    assert.equal(unknown.source, 'clausemark');
    assert.match(unknown.codeDescription?.href ?? '', /#traceunknown-related$/);
    const carried = (unknown.data as { finding: Record<string, unknown> }).finding;
    assert.equal(carried.ruleId, 'trace.unknown-related');
    // The data carries only what the diagnostic does not: no second copy of the message, severity or related places.
    assert.deepEqual(Object.keys(carried).sort(), ['data', 'file', 'range', 'ruleId']);
    // A document nobody opened is published from the disk.
    const problem = await client.diagnostics(fileUri(join(root, PROBLEM)), (params) => params.diagnostics.some(byCode('control.missing-approval')));
    assert.deepEqual(problem.diagnostics.find(byCode('control.missing-approval'))?.range.start, { line: 5, character: 8 });
  });

  it('answers a hover on a clause id with the clause title', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: incidentUri }, position: { line: 11, character: 14 } });
    const title = builtinCatalog('iso20000-1:2018')?.get('8.6.1')?.title;
    assert.ok(title);
    assert.ok((hover?.contents as MarkupContent).value.includes(title), JSON.stringify(hover));
  });

  it('completes clause ids in the frontmatter', async () => {
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: incidentUri },
      position: { line: 11, character: 14 },
    })) as CompletionItem[];
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('8.6.3') && labels.includes('4.1'), labels.slice(0, 10).join(', '));
  });

  it('offers a quick fix whose edit mends the diagnostic', async () => {
    const published = await client.diagnostics(incidentUri, (params) => params.version === 1);
    const diagnostic = published.diagnostics.find(byCode('trace.unknown-related'));
    assert.ok(diagnostic);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: incidentUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Change to PRC-INC');
    assert.ok(fix, actions.map((action) => action.title).join(', '));
    const edits = fix.edit?.changes?.[incidentUri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(incidentUri, 'markdown', 1, text), edits);
    assert.match(fixed, /AGR-OLA-NET, POL-ISM, PLN-AVC, PRC-INC\]/);
  });

  it('re-checks an edit and publishes with the new version, and for the documents whose findings changed', async () => {
    const mark = client.published.length;
    const edited = text.replace('PRC-KNOW]', 'PRC-PRB]').replace(/^id: PRC-INC$/m, 'id: PRC-INCIDENTS');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: incidentUri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    const published = await client.diagnostics(incidentUri, (params) => params.version === 2);
    assert.equal(published.diagnostics.filter(byCode('trace.unknown-related')).length, 0);
    // Other documents relate to PRC-INC, which no longer exists: they are re-published with the new finding.
    await client.connection.sendRequest(SettledRequest);
    const others = client.published.slice(mark).filter((params) => params.uri !== incidentUri);
    assert.ok(
      others.some((params) => params.diagnostics.some((d) => d.code === 'trace.unknown-related' && d.message.includes('`PRC-INC`'))),
      'a document relating to PRC-INC was re-published',
    );
    // Only documents whose findings changed are re-published, not the whole SMS.
    assert.ok(others.length < 15, `${others.length} documents re-published`);
  });

  it('answers the custom requests the editor views render', async () => {
    await client.connection.sendRequest(SettledRequest);
    const tree = await client.connection.sendRequest(CoverageTreeRequest, { gapsOnly: false });
    assert.equal(tree.folders.length, 1);
    assert.ok(
      tree.folders[0]?.clauses.some((clause) => clause.id === '8'),
      'the top clauses are there',
    );
    const status = await client.connection.sendRequest(StatusBarRequest);
    assert.match(status?.text ?? '', /%/);
    const trace = await client.connection.sendRequest(TraceabilityRequest, { kind: 'document', uri: incidentUri });
    assert.match(trace?.source ?? '', /^flowchart/);
    const info = await client.connection.sendRequest(ServerInfoRequest);
    assert.equal(info.pid, client.process.pid);
  });
});
