#!/usr/bin/env node
// The published entry point. A repeated check of an unchanged repository is answered from the result
// cache without loading the checker; everything else lives in the compiled CLI module.
import { compactHeap } from '../out/src/core/memory/compactHeap.js';
import { replay } from '../out/src/cli/replay.js';

compactHeap();

const argv = process.argv.slice(2);
const replayed = replay(argv);
if (replayed !== undefined) {
  process.exitCode = replayed;
} else {
  const { main } = await import('../out/src/cli/main.js');
  process.exitCode = await main(argv);
}
