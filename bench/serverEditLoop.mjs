// The editor path through the real language server over stdio: starts bin/clausemark-language-server.js on a
// repository, waits until it has read every document, then edits documents one at a time (didChange) and times
// each edit until the publishDiagnostics of that document at that version. Also reports the CPU time of this
// client process and of the server while the server reads the repository (the share a client pays for a
// server that does the work). Prints JSON.
// Usage: node bench/serverEditLoop.mjs <repository> [edits]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { randomFrom } from './generateRepository.mjs';

const [root, editsArgument] = process.argv.slice(2);
const edits = Number(editsArgument ?? 60);
const server = fileURLToPath(new URL('../bin/clausemark-language-server.js', import.meta.url));
const uriOf = (path) => pathToFileURL(join(root, path)).href;
const ticks = Number(process.env.CLK_TCK ?? 100);

/** CPU time (ms) of a process so far, from /proc (Linux). */
function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
}

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const key = `${params.uri}@${params.version}`;
  waiting.get(key)?.();
  waiting.delete(key);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
connection.onRequest('client/registerCapability', () => null);
connection.listen();

const clientCpuBefore = process.cpuUsage();
const serverCpuBefore = processCpuMs(child.pid);
const indexStart = performance.now();
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
  capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
});
await connection.sendNotification('initialized', {});
await connection.sendRequest('clausemark/settled');
const indexMs = performance.now() - indexStart;
const clientCpu = process.cpuUsage(clientCpuBefore);
const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
const serverCpuMs = processCpuMs(child.pid) - serverCpuBefore;

const published = (path, version) => new Promise((resolve) => waiting.set(`${uriOf(path)}@${version}`, resolve));
const folders = await connection.sendRequest('clausemark/folders');
const paths = [];
// Documents to edit: the coverage tree names every document that claims a clause.
const tree = await connection.sendRequest('clausemark/coverageTree', { gapsOnly: false });
const collect = async (folderUri, clauses) => {
  for (const clause of clauses) {
    // A leaf's documents come on request, as when it is opened in the tree.
    const documents = clause.documentCount > 0 ? await connection.sendRequest('clausemark/coverageDocuments', { folderUri, clause: clause.id }) : [];
    for (const document of documents) paths.push(fileURLToPath(document.uri).slice(root.length + 1));
    await collect(folderUri, clause.children);
  }
};
for (const folder of tree.folders) await collect(folder.uri, folder.clauses);
const candidates = [...new Set(paths)];
if (candidates.length === 0 || !folders[0]?.ready) throw new Error('the server read no documents');
const random = randomFrom(7);
const times = [];
for (let i = 0; i < edits; i++) {
  const path = random.pick(candidates);
  const uri = uriOf(path);
  const original = readFileSync(join(root, path), 'utf8');
  const opened = published(path, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: original } });
  await opened;
  // Mostly typing in the body; every fourth edit changes the frontmatter (an unknown related id), which has cross-document effects.
  const edited = i % 4 === 3 ? original.replace(/^title: /m, `related: [DOC-EDIT-${i}]\ntitle: `) : original.replace(/\n## /, `\nTyped ${i} words here.\n\n## `);
  const changed = published(path, 2);
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
  await changed;
  times.push(performance.now() - start);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await connection.sendRequest('clausemark/settled');
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
const sorted = [...times].sort((a, b) => a - b);
const at = (share) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
process.stdout.write(JSON.stringify({ documents: candidates.length, indexMs, clientCpuMs, serverCpuMs, p50: at(0.5), p95: at(0.95), times }));
