// How the benchmark measures one process: wall time, CPU time (user + system, all threads) and peak resident
// memory (max RSS, worker threads included). On Linux with GNU time installed the figures come from
// `/usr/bin/time -v`, the way the targets were measured; elsewhere from a hook loaded with
// `node --import` (bench/recordMaxRss.mjs) that reads the same counters (getrusage) at exit.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const GNU_TIME = '/usr/bin/time';
const useGnuTime = process.platform === 'linux' && existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;
const rssFile = join(here, 'work', 'maxrss.txt');

/** Which tool the memory figures come from, for the results' notes. */
export const memorySource = useGnuTime ? '`/usr/bin/time -v`' : 'getrusage at exit (`bench/recordMaxRss.mjs`)';

/** Runs `node ...args` once; returns wall time (ms), CPU time (ms) and peak memory (MB). Exit codes 0 and 1 are answers. */
export function measure(args, cwd, env = {}) {
  rmSync(rssFile, { force: true });
  const command = useGnuTime ? [GNU_TIME, ['-v', process.execPath, ...args]] : [process.execPath, ['--import', join(here, 'recordMaxRss.mjs'), ...args]];
  const start = performance.now();
  const child = spawnSync(command[0], command[1], { cwd, env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  const stderr = child.stderr.toString();
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${stderr.slice(0, 2000)}`);
  if (useGnuTime) {
    const field = (label) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
    return { ms, cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000, rssMb: field('Maximum resident set size \\(kbytes\\)') / 1024 };
  }
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { maxRssKb: NaN, cpuMs: NaN };
  return { ms, cpuMs: usage.cpuMs, rssMb: usage.maxRssKb / 1024 };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs a command `times` times, each a separate process (`before(i)` runs first, untimed). Returns medians
 * (`ms`, `cpuMs`), the spread of wall times (`minMs`, `maxMs`) and the largest peak memory (`rssMb`).
 */
export function repeat(times, before, args, cwd) {
  const results = [];
  for (let i = 0; i < times; i++) {
    before?.(i);
    results.push(measure(args, cwd));
  }
  return summarise(results);
}

/** Separate runs of one command (`measure` results) as `repeat` reports them. */
export function summarise(results) {
  const wall = results.map((r) => r.ms);
  return {
    ms: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    cpuMs: median(results.map((r) => r.cpuMs)),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
    rssEachMb: results.map((r) => r.rssMb),
    runs: results.length,
  };
}

const seconds = (ms) => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
export { seconds };
/** Median wall time, then CPU time in brackets. */
export const times = (run) => `${seconds(run.ms)} (${seconds(run.cpuMs)})`;
/** min / median / max wall time, then the median CPU time in brackets. */
export const spread = (run) => (run.runs > 1 ? `${seconds(run.minMs)} / ${seconds(run.ms)} / ${seconds(run.maxMs)} (${seconds(run.cpuMs)})` : times(run));
export const ratio = (run, peer) => `${(run.ms / peer.ms).toFixed(2)}× (${(run.cpuMs / peer.cpuMs).toFixed(2)}×)`;
export const verdict = (ok) => (ok ? 'met' : '**missed**');
