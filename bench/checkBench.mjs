// The CLI check and the editor index at N documents, beside the peers on the same files in the same run:
// cold check (no cache) as separate processes with the spread of times and the largest peak memory, warm
// check (result cache) and its share of the cold time, warm check after one change, and one-document edits.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_CATALOGS } from '../out/src/core/catalog/builtinCatalogs.js';
import { generateRepository } from './generateRepository.mjs';
import { measure, median, ratio, repeat, spread, summarise, times, verdict } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..');
const TODAY = '2026-11-21';
/** The memory target: the largest peak of the cold runs at 10,000 documents. */
const MEMORY_LIMIT_MB = 250;
/** The warm target: a repeated check of an unchanged repository, as a share of the cold check. */
const WARM_SHARE = 0.05;

const catalog = BUILTIN_CATALOGS.get('iso20000-1:2018');
const parents = new Set(catalog.clauses.map((clause) => clause.parent).filter(Boolean));
const leafClauses = catalog.clauses.filter((clause) => !parents.has(clause.id)).map((clause) => clause.id);
const annexAControls = BUILTIN_CATALOGS.get('iso27001:2022')
  .clauses.map((clause) => clause.id)
  .filter((id) => /^A\.\d+\.\d+$/.test(id));
/** The three-catalog case may cost at most this much more than one catalog over the same documents. */
const THREE_CATALOG_LIMIT = 1.1;

const clausemark = join(project, 'bin', 'clausemark.js');
export const checkArgs = (repo, ...extra) => [clausemark, 'check', repo, '--today', TODAY, '--fail-on', 'never', ...extra];
const markdownlint = [join(project, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md'];
const remark = [join(project, 'node_modules', 'remark-cli', 'cli.js'), '.', '--quiet', '--no-stdout', '--no-color'];

const REMARK_RC = `import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
export default { plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, { schemas: { './sms-document.schema.json': ['sms/**/*.md'] } }]] };
`;

/**
 * `runs`: warm runs (medians); `coldRuns`: separate cold processes (the memory figure is their worst);
 * `peerRuns`: runs of each peer; `edits`: one-document edits in the editor index.
 */
export function benchSize(size, { runs, coldRuns, peerRuns, edits, threeRuns = 3 }) {
  const { repo, generated } = benchRepository(size);
  const cacheFolder = join(repo, '.clausemark-cache');
  const log = (what) => process.stderr.write(`  [${size}] ${what}\n`);
  log(`generated ${generated.files.length} files, ${(generated.bytes / 1e6).toFixed(1)} MB`);

  const cold = repeat(coldRuns, () => rmSync(cacheFolder, { recursive: true, force: true }), checkArgs(repo, '--no-cache'), project);
  log(`cold ${spread(cold)}, peak ${cold.rssEachMb.map((mb) => mb.toFixed(0)).join(', ')} MB`);
  measure(checkArgs(repo), project); // fills the caches
  const warm = repeat(runs, undefined, checkArgs(repo), project);
  log(`warm ${times(warm)}`);
  const touched = join(repo, generated.files[0].path);
  const original = readFileSync(touched, 'utf8');
  const warmTouched = repeat(runs, (i) => appendFileSync(touched, `\nEdited in run ${i}.\n`), checkArgs(repo), project);
  writeFileSync(touched, original);
  log(`warm after one change ${times(warmTouched)}`);

  const edit = editLoop(repo, edits);
  log(`edit median ${edit.editMs.toFixed(2)} ms`);
  // The same edits through the real language server over stdio, from didChange to that document's publishDiagnostics.
  const served = spawnSync(process.execPath, [join(here, 'serverEditLoop.mjs'), repo, String(edits)], { maxBuffer: 1 << 26 });
  if (served.status !== 0) throw new Error(`server edit loop failed: ${served.stderr.toString().slice(0, 2000)}`);
  const server = JSON.parse(served.stdout.toString());
  log(`server edit p50 ${server.p50.toFixed(1)} ms, p95 ${server.p95.toFixed(1)} ms; client CPU ${server.clientCpuMs.toFixed(0)} ms of the server's ${server.serverCpuMs.toFixed(0)} ms while it reads`);
  const three = threeCatalogs(size, threeRuns, repo);
  log(`three catalogs ${spread(three.three)}, peak ${three.three.rssMb.toFixed(0)} MB; one catalog ${spread(three.one)}`);
  const lint = repeat(peerRuns, undefined, markdownlint, repo);
  log(`markdownlint-cli2 ${times(lint)}`);
  const schema = repeat(peerRuns, undefined, remark, repo);
  log(`remark-cli ${times(schema)}`);
  return { size, files: generated.files.length, megabytes: generated.bytes / 1e6, cold, warm, warmTouched, ...edit, server, lint, schema, ...three };
}

/** Writes the benchmark's repository of `size` documents under bench/work (with the peers' configuration). */
export function benchRepository(size) {
  const repo = join(here, 'work', `repo-${size}`);
  const generated = generateRepository(repo, size, leafClauses);
  copyFileSync(join(project, 'schemas', 'sms-document.schema.json'), join(repo, 'sms-document.schema.json'));
  writeFileSync(join(repo, '.remarkrc.mjs'), REMARK_RC);
  return { repo, generated };
}

/**
 * The same documents claiming three catalogs (20000-1, 27001 with Annex A, a custom catalog file) against one,
 * cold, runs interleaved so both see the same machine. Issue 14: several catalogs must not make a check slower.
 */
function threeCatalogs(size, runs, repo) {
  const repoThree = join(here, 'work', `repo-${size}-three-catalogs`);
  generateRepository(repoThree, size, leafClauses, undefined, { annexAControls });
  const one = [];
  const three = [];
  for (let i = 0; i < runs; i++) {
    for (const [folder, into] of [[repo, one], [repoThree, three]]) {
      rmSync(join(folder, '.clausemark-cache'), { recursive: true, force: true });
      into.push(measure(checkArgs(folder, '--no-cache'), project));
    }
  }
  return { one: summarise(one), three: summarise(three) };
}


/** The editor path in-process (bench/editLoop.mjs), with that process's peak memory. */
function editLoop(repo, edits) {
  const rssFile = join(here, 'work', 'maxrss-editor.txt');
  const editor = spawnSync(process.execPath, ['--import', join(here, 'recordMaxRss.mjs'), join(here, 'editLoop.mjs'), repo, String(edits)], { env: { ...process.env, BENCH_RSS_FILE: rssFile }, maxBuffer: 1 << 26 });
  if (editor.status !== 0) throw new Error(`edit loop failed: ${editor.stderr.toString().slice(0, 2000)}`);
  const result = JSON.parse(editor.stdout.toString());
  const sorted = [...result.times].sort((a, b) => a - b);
  return { editMs: median(result.times), editP90: sorted[Math.floor(sorted.length * 0.9)], editorRssMb: JSON.parse(readFileSync(rssFile, 'utf8')).maxRssKb / 1024 };
}

export function checkTable(results) {
  const rows = [
    '| Documents | Scenario | Clausemark | markdownlint-cli2 | remark-cli + frontmatter-schema | vs markdownlint | vs remark | Target |',
    '|---:|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const label = `${r.size.toLocaleString('en')} (${r.megabytes.toFixed(0)} MB)`;
    const coldTarget = r.size === 1000 ? `≤ 0.5× each peer: ${verdict(r.cold.ms <= 0.5 * r.lint.ms && r.cold.ms <= 0.5 * r.schema.ms)}` : '';
    rows.push(`| ${label} | cold check, no cache: min / median / max of ${r.cold.runs} (CPU) | ${spread(r.cold)} | ${times(r.lint)} | ${times(r.schema)} | ${ratio(r.cold, r.lint)} | ${ratio(r.cold, r.schema)} | ${coldTarget} |`);
    const share = r.warm.ms / r.cold.ms;
    const warmTarget = r.size === 1000 ? `≤ ${WARM_SHARE * 100}% of cold: ${verdict(share <= WARM_SHARE)} (${(100 * share).toFixed(1)}%; CPU ${((100 * r.warm.cpuMs) / r.cold.cpuMs).toFixed(1)}%)` : `${(100 * share).toFixed(1)}% of cold`;
    rows.push(`| ${label} | warm check, nothing changed | ${times(r.warm)} | | | ${ratio(r.warm, r.lint)} | ${ratio(r.warm, r.schema)} | ${warmTarget} |`);
    rows.push(`| ${label} | warm check, one file changed | ${times(r.warmTouched)} | | | ${ratio(r.warmTouched, r.lint)} | ${ratio(r.warmTouched, r.schema)} | |`);
    const editTarget = r.size === 10000 ? `median < 20 ms: ${verdict(r.editMs < 20)}` : '';
    rows.push(`| ${label} | one-document edit in the index (median, p90) | ${r.editMs.toFixed(1)} ms, ${r.editP90.toFixed(1)} ms | | | | | ${editTarget} |`);
    const serverTarget = r.size === 10000 ? `p95 < 50 ms: ${verdict(r.server.p95 < 50)}` : '';
    rows.push(`| ${label} | edit → publishDiagnostics over the language server, stdio (median, p95) | ${r.server.p50.toFixed(1)} ms, ${r.server.p95.toFixed(1)} ms | | | | | ${serverTarget} |`);
    const clientShare = (100 * r.server.clientCpuMs) / r.server.serverCpuMs;
    const shareTarget = r.size === 10000 ? `< 5%: ${verdict(clientShare < 5)}` : '';
    rows.push(`| ${label} | CPU of the LSP client while the server reads (share of the server's) | ${r.server.clientCpuMs.toFixed(0)} ms of ${r.server.serverCpuMs.toFixed(0)} ms (${clientShare.toFixed(1)}%) | | | | | ${shareTarget} |`);
    const threeRatio = r.three.ms / r.one.ms;
    const threeTarget = `≤ ${THREE_CATALOG_LIMIT}× one catalog: ${verdict(threeRatio <= THREE_CATALOG_LIMIT)} (${threeRatio.toFixed(2)}× wall, ${(r.three.cpuMs / r.one.cpuMs).toFixed(2)}× CPU, ${(r.three.rssMb / r.one.rssMb).toFixed(2)}× memory)`;
    rows.push(`| ${label} | cold check, three catalogs (20000-1, 27001, custom) against one, interleaved: min / median / max of ${r.three.runs} (CPU); peak | ${spread(r.three)}; ${r.three.rssMb.toFixed(0)} MB — one catalog ${spread(r.one)}; ${r.one.rssMb.toFixed(0)} MB | | | | | ${threeTarget} |`);
    const memoryTarget = r.size === 10000 ? `cold < ${MEMORY_LIMIT_MB} MB, worst of ${r.cold.runs}: ${verdict(r.cold.rssMb < MEMORY_LIMIT_MB)}` : '';
    const eachRun = r.cold.rssEachMb.map((mb) => mb.toFixed(0)).join(', ');
    rows.push(`| ${label} | peak memory: cold check, worst of ${r.cold.runs} (each run); editor index | ${r.cold.rssMb.toFixed(0)} MB (${eachRun}); ${r.editorRssMb.toFixed(0)} MB | ${r.lint.rssMb.toFixed(0)} MB | ${r.schema.rssMb.toFixed(0)} MB | ${(r.cold.rssMb / r.lint.rssMb).toFixed(2)}× | ${(r.cold.rssMb / r.schema.rssMb).toFixed(2)}× | ${memoryTarget} |`);
  }
  return rows.join('\n');
}
