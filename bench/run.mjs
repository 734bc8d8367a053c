// `npm run bench`: generates SMS repositories of N documents and times Clausemark against the peers on
// the same files, in the same run. BENCH_SIZES=1000 (comma-separated) shortens it; BENCH_RUNS sets how
// many runs each median is taken over. Prints a table and writes it into bench/results.md.
// `node bench/run.mjs --only hostile` runs only the hostile-repository case (see hostileCase below).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync, appendFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BUILTIN_CATALOGS } from '../out/src/core/catalog/builtinCatalogs.js';
import { generateHostileRepository } from './generateHostileRepository.mjs';
import { generateRepository } from './generateRepository.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
// The peers take minutes at 10,000 documents; one run there keeps the whole benchmark near ten minutes.
const peerRunsFor = (size) => (size <= 1000 ? runs : 1);
const edits = Number(process.env.BENCH_EDITS ?? 60);
const TODAY = '2026-11-21';
const rssFile = join(here, 'work', 'maxrss.txt');
const node = process.execPath;
const recordRss = ['--import', join(here, 'recordMaxRss.mjs')];

const catalog = BUILTIN_CATALOGS.get('iso20000-1:2018');
const parents = new Set(catalog.clauses.map((clause) => clause.parent).filter(Boolean));
const leafClauses = catalog.clauses.filter((clause) => !parents.has(clause.id)).map((clause) => clause.id);

/** Runs one command; returns wall time (ms), CPU time (ms) and peak memory (MB). */
function measure(args, cwd) {
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const child = spawnSync(node, [...recordRss, ...args], { cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.toString().slice(0, 2000)}`);
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { maxRssKb: NaN, cpuMs: NaN };
  return { ms, cpuMs: usage.cpuMs, rssMb: usage.maxRssKb / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function repeat(times, before, args, cwd) {
  const results = [];
  for (let i = 0; i < times; i++) {
    before?.(i);
    results.push(measure(args, cwd));
  }
  return { ms: median(results.map((r) => r.ms)), cpuMs: median(results.map((r) => r.cpuMs)), rssMb: Math.max(...results.map((r) => r.rssMb)), runs: times };
}

const clausemark = join(project, 'bin', 'clausemark.js');
const checkArgs = (repo, ...extra) => [clausemark, 'check', repo, '--today', TODAY, '--fail-on', 'never', ...extra];
const markdownlint = [join(project, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md'];
const remark = [join(project, 'node_modules', 'remark-cli', 'cli.js'), '.', '--quiet', '--no-stdout', '--no-color'];

const REMARK_RC = `import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
export default { plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, { schemas: { './sms-document.schema.json': ['sms/**/*.md'] } }]] };
`;

function benchSize(size) {
  const repo = join(here, 'work', `repo-${size}`);
  const generated = generateRepository(repo, size, leafClauses);
  copyFileSync(join(project, 'schemas', 'sms-document.schema.json'), join(repo, 'sms-document.schema.json'));
  writeFileSync(join(repo, '.remarkrc.mjs'), REMARK_RC);
  const cacheFolder = join(repo, '.clausemark-cache');
  const log = (what) => process.stderr.write(`  [${size}] ${what}\n`);
  log(`generated ${generated.files.length} files, ${(generated.bytes / 1e6).toFixed(1)} MB`);

  const cold = repeat(runs, () => rmSync(cacheFolder, { recursive: true, force: true }), checkArgs(repo, '--no-cache'), project);
  log(`cold ${cold.ms.toFixed(0)} ms (cpu ${cold.cpuMs.toFixed(0)} ms)`);
  measure(checkArgs(repo), project); // fills the cache
  const warm = repeat(runs, undefined, checkArgs(repo), project);
  log(`warm ${warm.ms.toFixed(0)} ms (cpu ${warm.cpuMs.toFixed(0)} ms)`);
  const touched = join(repo, generated.files[0].path);
  const original = readFileSync(touched, 'utf8');
  const warmTouched = repeat(runs, (i) => appendFileSync(touched, `\nEdited in run ${i}.\n`), checkArgs(repo), project);
  writeFileSync(touched, original);
  log(`warm after one change ${warmTouched.ms.toFixed(0)} ms`);

  const editor = spawnSync(node, [...recordRss, join(here, 'editLoop.mjs'), repo, String(edits)], { env: { ...process.env, BENCH_RSS_FILE: rssFile }, maxBuffer: 1 << 26 });
  if (editor.status !== 0) throw new Error(`edit loop failed: ${editor.stderr.toString().slice(0, 2000)}`);
  const editResult = JSON.parse(editor.stdout.toString());
  const editorRssMb = JSON.parse(readFileSync(rssFile, 'utf8')).maxRssKb / 1024;
  const editMs = median(editResult.times);
  log(`edit median ${editMs.toFixed(2)} ms`);

  // The same edits through the real language server over stdio, from didChange to that document's publishDiagnostics.
  const served = spawnSync(node, [join(here, 'serverEditLoop.mjs'), repo, String(edits)], { maxBuffer: 1 << 26 });
  if (served.status !== 0) throw new Error(`server edit loop failed: ${served.stderr.toString().slice(0, 2000)}`);
  const server = JSON.parse(served.stdout.toString());
  log(`server edit p50 ${server.p50.toFixed(1)} ms, p95 ${server.p95.toFixed(1)} ms; client CPU ${server.clientCpuMs.toFixed(0)} ms of the server's ${server.serverCpuMs.toFixed(0)} ms while it reads`);

  const peerRuns = peerRunsFor(size);
  const lint = repeat(peerRuns, undefined, markdownlint, repo);
  log(`markdownlint-cli2 ${lint.ms.toFixed(0)} ms`);
  const schema = repeat(peerRuns, undefined, remark, repo);
  log(`remark-cli ${schema.ms.toFixed(0)} ms`);
  return { size, files: generated.files.length, megabytes: generated.bytes / 1e6, cold, warm, warmTouched, editMs, editP90: [...editResult.times].sort((a, b) => a - b)[Math.floor(editResult.times.length * 0.9)], editorRssMb, server, lint, schema };
}

const seconds = (ms) => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
/** Wall time, then CPU time in brackets. */
const times = (run) => `${seconds(run.ms)} (${seconds(run.cpuMs)})`;
const ratio = (run, peer) => `${(run.ms / peer.ms).toFixed(2)}× (${(run.cpuMs / peer.cpuMs).toFixed(2)}×)`;
const verdict = (ok) => (ok ? 'met' : '**missed**');

function table(results) {
  const rows = [
    '| Documents | Scenario | Clausemark | markdownlint-cli2 | remark-cli + frontmatter-schema | vs markdownlint | vs remark | Target |',
    '|---:|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const label = `${r.size.toLocaleString('en')} (${r.megabytes.toFixed(0)} MB)`;
    const coldTarget = r.size === 1000 ? `≤ 0.5× each peer: ${verdict(r.cold.ms <= 0.5 * r.lint.ms && r.cold.ms <= 0.5 * r.schema.ms)}` : '';
    rows.push(`| ${label} | cold check, no cache | ${times(r.cold)} | ${times(r.lint)} | ${times(r.schema)} | ${ratio(r.cold, r.lint)} | ${ratio(r.cold, r.schema)} | ${coldTarget} |`);
    const warmTarget = `≤ 10% of cold${r.size === 1000 ? ' and < 1 s' : ''}: ${verdict(r.warm.ms <= 0.1 * r.cold.ms && (r.size !== 1000 || r.warm.ms < 1000))} (${((100 * r.warm.ms) / r.cold.ms).toFixed(0)}%; CPU ${((100 * r.warm.cpuMs) / r.cold.cpuMs).toFixed(0)}%)`;
    rows.push(`| ${label} | warm check, nothing changed | ${times(r.warm)} | | | ${ratio(r.warm, r.lint)} | ${ratio(r.warm, r.schema)} | ${warmTarget} |`);
    rows.push(`| ${label} | warm check, one file changed | ${times(r.warmTouched)} | | | ${ratio(r.warmTouched, r.lint)} | ${ratio(r.warmTouched, r.schema)} | |`);
    const editTarget = r.size === 10000 ? `median < 20 ms: ${verdict(r.editMs < 20)}` : '';
    rows.push(`| ${label} | one-document edit in the index (median, p90) | ${r.editMs.toFixed(1)} ms, ${r.editP90.toFixed(1)} ms | | | | | ${editTarget} |`);
    const serverTarget = r.size === 10000 ? `p95 < 50 ms: ${verdict(r.server.p95 < 50)}` : '';
    rows.push(`| ${label} | edit → publishDiagnostics over the language server, stdio (median, p95) | ${r.server.p50.toFixed(1)} ms, ${r.server.p95.toFixed(1)} ms | | | | | ${serverTarget} |`);
    const share = (100 * r.server.clientCpuMs) / r.server.serverCpuMs;
    const shareTarget = r.size === 10000 ? `< 5%: ${verdict(share < 5)}` : '';
    rows.push(`| ${label} | CPU of the LSP client while the server reads (share of the server's) | ${r.server.clientCpuMs.toFixed(0)} ms of ${r.server.serverCpuMs.toFixed(0)} ms (${share.toFixed(1)}%) | | | | | ${shareTarget} |`);
    const memoryTarget = r.size === 10000 ? `< 300 MB: ${verdict(Math.max(r.cold.rssMb, r.editorRssMb) < 300)}` : '';
    rows.push(`| ${label} | peak memory: cold check; editor index | ${r.cold.rssMb.toFixed(0)} MB; ${r.editorRssMb.toFixed(0)} MB | ${r.lint.rssMb.toFixed(0)} MB | ${r.schema.rssMb.toFixed(0)} MB | | | ${memoryTarget} |`);
  }
  return rows.join('\n');
}

/** Extension activation (bundle load + activate()) beside its peer, each a median of fresh processes. */
function benchActivation() {
  const sample = (script) => {
    const values = [];
    for (let i = 0; i < Math.max(5, runs); i++) {
      const result = spawnSync(node, [join(here, script)], { cwd: project, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
      values.push(JSON.parse(result.stdout).totalMs);
    }
    return median(values);
  };
  return { clausemark: sample('activation.cjs'), peer: sample('peerActivation.mjs') };
}

function activationTable(activation) {
  return [
    '| Scenario | Clausemark | markdownlint (library load) | ratio | Target |',
    '|---|---:|---:|---:|---|',
    `| extension activation: load dist/extension.cjs + activate() | ${activation.clausemark.toFixed(1)} ms | ${activation.peer.toFixed(1)} ms | ${(activation.clausemark / activation.peer).toFixed(2)}× | < 100 ms: ${verdict(activation.clausemark < 100)} |`,
  ].join('\n');
}

/**
 * A repository a hostile pull request could commit (bench/generateHostileRepository.mjs): 1,000 files mixing
 * every shape that once took minutes or gigabytes. Target: a cold check in under 60 s and 1 GB.
 */
function hostileCase() {
  const repo = join(here, 'work', 'repo-hostile');
  const generated = generateHostileRepository(repo);
  process.stderr.write(`  [hostile] generated ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB\n`);
  const cold = measure(checkArgs(repo, '--no-cache'), project);
  const met = cold.ms < 60_000 && cold.rssMb < 1024;
  const row = `| hostile repository, ${generated.files} files (${(generated.bytes / 1e6).toFixed(0)} MB) | cold check, no cache | ${times(cold)} | ${cold.rssMb.toFixed(0)} MB | < 60 s and < 1 GB: ${verdict(met)} |`;
  return ['| Repository | Scenario | Clausemark | Peak memory | Target |', '|---|---|---:|---:|---|', row].join('\n');
}

/** Writes a table between `<!-- name:start -->` and `<!-- name:end -->` in bench/results.md (appended when absent). */
function recordSection(name, text) {
  const resultsFile = join(here, 'results.md');
  const existing = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  const section = `<!-- ${name}:start -->\n${text}\n<!-- ${name}:end -->`;
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  writeFileSync(resultsFile, pattern.test(existing) ? existing.replace(pattern, () => section) : `${existing.trimEnd()}\n\n${section}\n`);
  process.stderr.write(`wrote ${resultsFile}\n`);
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'hostile') throw new Error(`--only ${only}: the only case that runs alone is \`hostile\``);
const machineLine = () => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`;
process.stderr.write('benchmark of a hostile repository\n');
const hostile = hostileCase();
process.stdout.write(`\n${hostile}\n`);
recordSection('bench-hostile', `Latest run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`node bench/run.mjs --only hostile\`, on ${machineLine()}. One run, wall time with CPU time in brackets; peak memory is max RSS. Load average when it ended: ${loadavg().map((load) => load.toFixed(1)).join(', ')}.\n\n${hostile}`);
if (only === 'hostile') process.exit(0);

const results = [];
process.stderr.write('benchmark of extension activation\n');
const activation = benchActivation();
for (const size of sizes) {
  process.stderr.write(`benchmark at ${size} documents\n`);
  results.push(benchSize(size));
}
const machine = machineLine();
const runsNote = `Medians of ${runs} runs (peers at more than 1,000 documents: 1 run); edits: median of ${edits}. Times are wall time of the whole process, Node start-up included, with CPU time (user + system) in brackets; ratios likewise. Peak memory is the process's max RSS. Load average when the run ended: ${loadavg().map((load) => load.toFixed(1)).join(', ')}.`;
const tables = `${table(results)}\n\n${activationTable(activation)}`;
const section = `<!-- bench:start -->\nLatest run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`BENCH_SIZES=${sizes.join(',')} npm run bench\`, on ${machine}.\n${runsNote}\n\n${tables}\n<!-- bench:end -->`;
process.stdout.write(`\n${machine}\n${runsNote}\n\n${tables}\n`);

const resultsFile = join(here, 'results.md');
const existing = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
writeFileSync(resultsFile, existing.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section));
process.stderr.write(`wrote ${resultsFile}\n`);
