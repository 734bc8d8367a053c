// The editor path, in-process: builds the index over a repository once, then edits documents one at a
// time through `WorkspaceIndex.setDocument` and collects the findings of every file the edit affects
// (what an editor republishes). Prints JSON with the build time and each edit's time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkRepository } from '../out/src/core/check.js';
import { compactHeap } from '../out/src/core/memory/compactHeap.js';
import { randomFrom } from './generateRepository.mjs';

// The language server keeps its heap this way (src/server/start.ts); this loop stands for its index.
compactHeap();
const [root, editsArgument] = process.argv.slice(2);
const edits = Number(editsArgument ?? 50);
const fixedDay = new Date('2026-11-21T12:00:00Z');
const buildStart = performance.now();
const outcome = await checkRepository({ cwd: root, now: () => fixedDay });
if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
const buildMs = performance.now() - buildStart;
const index = outcome.result.index;
const documents = index.documents().map((document) => document.path);
const random = randomFrom(7);
const times = [];
for (let i = 0; i < edits; i++) {
  const path = random.pick(documents);
  const original = readFileSync(join(root, path), 'utf8');
  // Mostly typing in the body; every fourth edit changes the frontmatter (an unknown related id), which has cross-document effects.
  const edited = i % 4 === 3 ? original.replace(/^title: /m, `related: [DOC-EDIT-${i}]\ntitle: `) : original.replace(/\n## /, `\nTyped ${i} words here.\n\n## `);
  const start = performance.now();
  const affected = await index.setDocument(path, edited);
  let findings = 0;
  for (const file of affected) findings += index.findingsFor(file).length;
  times.push(performance.now() - start);
  await index.setDocument(path, original); // back to the state on disk, untimed
  if (findings < 0) throw new Error('unreachable');
}
process.stdout.write(JSON.stringify({ buildMs, times, documents: documents.length }));
