// The extension host's CPU time while Clausemark's language server reads a repository, in a real VS Code
// (code-server's extension host, driven by scripts/vscode-offline/run-tests.mjs as the integration tests are):
// bench/extensionHostCpu.cjs activates the extension on the repository and reports both processes' CPU time.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, verdict } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..');
/** Issue 12: the host may spend at most this share of the server's CPU time. */
const HOST_SHARE_LIMIT = 0.05;

/** `runs` separate VS Code sessions on `repo`; undefined (with the reason on stderr) where VS Code cannot run here. */
export function benchExtensionHost(repo, runs) {
  if (process.platform !== 'linux') {
    process.stderr.write('  extension host: skipped (reads the server CPU time from /proc, Linux only)\n');
    return undefined;
  }
  const install = spawnSync('bash', [join(project, 'scripts/vscode-offline/install.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (install.status !== 0) throw new Error('the offline VS Code could not be installed (scripts/vscode-offline/install.sh)');
  const out = join(here, 'work', 'extension-host.json');
  const results = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { force: true });
    rmSync(join(repo, '.clausemark-cache'), { recursive: true, force: true });
    const args = [join(project, 'scripts/vscode-offline/run-tests.mjs'), '--extension-path', project, '--tests-path', join(here, 'extensionHostCpu.cjs'), '--workspace', repo, '--timeout-ms', '900000'];
    const run = spawnSync(process.execPath, args, { env: { ...process.env, CLAUSEMARK_BENCH_OUT: out }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`the extension host run failed (${run.status}): ${run.stderr.toString().slice(-2000)}`);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    process.stderr.write(`  extension host ${result.hostCpuMs.toFixed(0)} ms of CPU while the server used ${result.serverCpuMs.toFixed(0)} ms\n`);
    results.push(result);
  }
  return { runs, share: results.map((r) => r.hostCpuMs / r.serverCpuMs), hostMs: median(results.map((r) => r.hostCpuMs)), serverMs: median(results.map((r) => r.serverCpuMs)) };
}

export function extensionHostRow(size, host) {
  if (!host) return '';
  const worst = Math.max(...host.share);
  const each = host.share.map((share) => `${(100 * share).toFixed(1)}%`).join(', ');
  return `| ${size.toLocaleString('en')} | VS Code extension host CPU while the server reads (real VS Code 1.100, code-server), worst of ${host.runs} (each run) | ${(100 * worst).toFixed(1)}% (${each}); medians ${host.hostMs.toFixed(0)} ms of ${host.serverMs.toFixed(0)} ms | < ${HOST_SHARE_LIMIT * 100}%: ${verdict(worst < HOST_SHARE_LIMIT)} |`;
}
