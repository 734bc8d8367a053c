// `npm run bench`: generates SMS repositories of N documents and measures Clausemark against the peers on
// the same files, in the same run; prints the tables and writes them into bench/results.md. One file per
// measurement (checkBench, activationBench, hostileBench); this file only runs them and records the tables.
//   BENCH_SIZES=1000          sizes, comma-separated (default 1000,10000)
//   BENCH_RUNS=3              warm runs per median (default 3)
//   BENCH_COLD_RUNS=5         separate cold processes per size; the memory figure is the worst of them (default 5)
//   BENCH_EDITS=60            one-document edits in the editor index
//   BENCH_HOST_RUNS=3         VS Code sessions for the extension host's CPU share, at the largest size
//   node bench/run.mjs --only hostile   only the hostile-repository case
//   node bench/run.mjs --only host      only the VS Code extension host's CPU share (at the largest size)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activationTable, benchActivation } from './activationBench.mjs';
import { benchRepository, benchSize, checkTable } from './checkBench.mjs';
import { benchExtensionHost, extensionHostRow } from './extensionHostBench.mjs';
import { hostileCase } from './hostileBench.mjs';
import { memorySource } from './measure.mjs';
import { loadLine, machineLine, recordSection, stamp } from './recordResults.mjs';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const coldRuns = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? 5));
const edits = Number(process.env.BENCH_EDITS ?? 60);
// The peers take minutes at 10,000 documents; one run there keeps the whole benchmark near a quarter of an hour.
const peerRunsFor = (size) => (size <= 1000 ? runs : 1);

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'hostile' && only !== 'host') throw new Error(`--only ${only}: the cases that run alone are \`hostile\` and \`host\``);
const here = dirname(fileURLToPath(import.meta.url));
const largest = Math.max(...sizes);

/** The extension host's share of the server's CPU, in its own section of bench/results.md. */
function recordHost(repo, command) {
  process.stderr.write(`benchmark of the VS Code extension host at ${largest} documents\n`);
  const host = benchExtensionHost(repo, Math.max(1, Number(process.env.BENCH_HOST_RUNS ?? 3)));
  if (!host) return;
  const table = `| Documents | Scenario | Clausemark | Target |\n|---:|---|---:|---|\n${extensionHostRow(largest, host)}`;
  process.stdout.write(`\n${table}\n`);
  recordSection('bench-host', `Latest run: ${stamp()}, \`${command}\`, on ${machineLine()}. CPU time (user + system) of the extension host process over the span from activation until the server has read the repository and the host has taken every diagnostic, against the server process's over its life. Load average when it ended: ${loadLine()}.\n\n${table}`);
}

if (only === 'host') {
  recordHost(benchRepository(largest).repo, `BENCH_SIZES=${largest} node bench/run.mjs --only host`);
  process.exit(0);
}

process.stderr.write('benchmark of a hostile repository\n');
const hostile = hostileCase();
process.stdout.write(`\n${hostile}\n`);
recordSection('bench-hostile', `Latest run: ${stamp()}, \`node bench/run.mjs --only hostile\`, on ${machineLine()}. One run, wall time with CPU time in brackets; peak memory is max RSS (${memorySource}). Load average when it ended: ${loadLine()}.\n\n${hostile}`);
if (only === 'hostile') process.exit(0);

process.stderr.write('benchmark of extension activation\n');
const activation = benchActivation(Math.max(5, runs));
const results = [];
for (const size of sizes) {
  process.stderr.write(`benchmark at ${size} documents\n`);
  results.push(benchSize(size, { runs, coldRuns, peerRuns: peerRunsFor(size), edits }));
}
const notes = [
  `Cold checks: ${coldRuns} separate processes, wall time min / median / max with the median CPU time (user + system, all threads) in brackets; warm checks: medians of ${runs} runs; peers: medians of ${runs} runs at 1,000 documents, 1 run above; edits: median of ${edits}.`,
  `Times are of the whole process, Node start-up included; ratios are Clausemark over the peer (wall, then CPU). Peak memory is the process's max RSS with its worker threads, from ${memorySource}; for the cold check the largest of its ${coldRuns} runs.`,
  `Load average when the run ended: ${loadLine()}.`,
].join('\n');
const tables = `${checkTable(results)}\n\n${activationTable(activation)}`;
process.stdout.write(`\n${machineLine()}\n${notes}\n\n${tables}\n`);
recordSection('bench', `Latest run: ${stamp()}, \`BENCH_SIZES=${sizes.join(',')} npm run bench\`, on ${machineLine()}.\n${notes}\n\n${tables}`);
recordHost(join(here, 'work', `repo-${largest}`), `BENCH_SIZES=${sizes.join(',')} npm run bench`);
