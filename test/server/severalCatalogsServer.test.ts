import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';
import {
  CoverageDocumentsRequest,
  CoverageTreeRequest,
  SettledRequest,
  StatusBarRequest,
  type CoverageClauseNode,
} from '../../src/protocol/clausemarkProtocol.js';
import { threeCatalogRepository } from '../catalogs/support.js';
import { tempRepository } from '../support/cliRunner.js';
import { fileUri, startServer, type TestClient } from '../support/languageServerClient.js';

/** Every node of a clause tree, depth first. */
const flatten = (nodes: readonly CoverageClauseNode[]): CoverageClauseNode[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);

describe('language server with several catalogs (the real server over stdio)', function () {
  this.timeout(90000);
  let root: string;
  let client: TestClient;

  before(async () => {
    const files = threeCatalogRepository();
    // The crosswalk in force, so the hover says what counts through it.
    files['clausemark.json'] = files['clausemark.json']!.replace('\n  "catalogs"', '\n  "crosswalk": true,\n  "catalogs"');
    root = tempRepository(files, 'clausemark-lsp-catalogs-');
    client = await startServer(root);
    await client.connection.sendRequest(SettledRequest);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the coverage tree one node per catalog alias, each with its own clauses and documents', async () => {
    const tree = await client.connection.sendRequest(CoverageTreeRequest, { gapsOnly: false });
    const [folder] = tree.folders;
    assert.deepEqual(
      folder?.catalogs?.map((catalog) => catalog.label),
      [
        '20000: ISO/IEC 20000-1:2018 Service management system requirements',
        '27001: ISO/IEC 27001:2022 Information security management system requirements',
        'TSC: Trust services criteria',
      ],
    );
    // The primary's tree is also the folder's own (what a single-catalog client shows).
    assert.deepEqual(folder?.clauses, folder?.catalogs?.[0]?.clauses);
    const nodes = (alias: string): CoverageClauseNode[] => flatten(folder?.catalogs?.find((catalog) => catalog.alias === alias)?.clauses ?? []);
    // A leaf's documents are asked for when it is opened; the tree says how many there are.
    const documentsOf = async (alias: string, id: string): Promise<string[]> => {
      const count = nodes(alias).find((node) => node.id === id)?.documentCount;
      const documents = await client.connection.sendRequest(CoverageDocumentsRequest, { folderUri: folder.uri, clause: id });
      assert.equal(documents.length, count, `the tree's count of documents under ${id}`);
      return documents.map((document) => document.label);
    };
    assert.deepEqual(await documentsOf('20000', '8.6.1'), ['PRC-INC Incident management process']);
    // Other catalogs' node ids are qualified, so a tree item id never collides with the primary's.
    assert.deepEqual(await documentsOf('27001', '27001:A.5.24'), ['PRC-INC Incident management process']);
    assert.deepEqual(await documentsOf('27001', '27001:A.5.15'), ['POL-ACC Access policy']);
    assert.deepEqual(await documentsOf('TSC', 'TSC:CC6.1'), ['POL-ACC Access policy']);
    // A group, or an id the catalog does not have, has no documents.
    assert.deepEqual(await client.connection.sendRequest(CoverageDocumentsRequest, { folderUri: folder.uri, clause: '8.6' }), []);
    assert.deepEqual(await client.connection.sendRequest(CoverageDocumentsRequest, { folderUri: folder.uri, clause: '27001:A.99' }), []);
    assert.equal(
      nodes('27001').find((node) => node.id === 'A.5.24'),
      undefined,
    );
    assert.equal(nodes('27001').filter((node) => node.isLeaf).length, builtinCatalog('iso27001:2022')!.leaves().length);
  });

  it('puts each catalog in the status bar, never one mixed figure', async () => {
    const status = await client.connection.sendRequest(StatusBarRequest);
    assert.match(status?.text ?? '', /^\$\(checklist\) 20000 [\d.]+% · 27001 [\d.]+% · TSC [\d.]+%$/);
    assert.match(status?.tooltip ?? '', /^Clausemark: 20000: .*; 27001: .*; TSC: .*\. Click to open the coverage view\.$/);
  });

  it('answers a hover on a clause listed under its alias with the clause and its crosswalk counterparts', async () => {
    const path = join(root, 'sms/incident.md');
    const text = readFileSync(path, 'utf8');
    const uri = fileUri(path);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const lines = text.split('\n');
    const line = lines.findIndex((entry) => entry.includes('"20000": [8.6.1]'));
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: lines[line]!.indexOf('8.6.1') + 2 },
    });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.ok(value.includes(builtinCatalog('iso20000-1:2018')!.get('8.6.1')!.title), value);
    assert.match(value, /\*\*Counterparts \(crosswalk\)\*\*/);
    assert.match(value, /- iso27001:2022 /);
  });
});
