import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../support/cliRunner.js';
import { GitRepository } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';

/**
 * Runs the real binary with its standard output on a pipe whose reading end is closed before the program
 * starts, like `clausemark rules | head -1` once head has read its line: every write then fails with EPIPE.
 */
function runIntoClosedPipe(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stderr }));
  });
}

const FORMATS: Record<string, readonly string[]> = {
  check: ['text', 'json', 'sarif', 'github', 'markdown', 'junit'],
  coverage: ['markdown', 'json', 'csv', 'html'],
  rules: ['text', 'json'],
  report: ['html', 'markdown'],
};

describe('output into a pipe that the reader closed early', function () {
  this.timeout(240_000);
  let repository: GitRepository;
  let scratch: string;

  before(() => {
    repository = GitRepository.create({
      'sms/incident.md': documentText({ clauses: '\n  - 8.6.1\n  - 99.9' }),
      'sms/policy.md': documentText({ id: 'POL-SMS', type: 'policy', title: 'SMS policy', clauses: '\n  - 5.2' }),
    });
    repository.write({ 'sms/policy.md': documentText({ id: 'POL-SMS', type: 'policy', title: 'SMS policy', clauses: '\n  - 5.2\n  - 77.1' }) });
    scratch = mkdtempSync(join(tmpdir(), 'clausemark-pipe-'));
  });
  after(() => {
    repository.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  const runs: { name: string; args: (root: string, scratch: string) => string[]; status: number }[] = [
    { name: 'usage', args: () => [], status: 2 },
    { name: '--help', args: () => ['--help'], status: 0 },
    { name: '--version', args: () => ['--version'], status: 0 },
    { name: 'check --help', args: () => ['check', '--help'], status: 0 },
    { name: 'an unknown command', args: () => ['frobnicate'], status: 2 },
    ...FORMATS.rules!.map((format) => ({ name: `rules --format ${format}`, args: () => ['rules', '--format', format], status: 0 })),
    ...FORMATS.check!.map((format) => ({
      name: `check --format ${format}`,
      args: () => ['check', '--no-cache', '--today', '2026-11-21', '--format', format],
      status: 1,
    })),
    // The same command again is answered from the result cache (replay.ts prints it): it must go quiet too.
    { name: 'check, replayed from the result cache', args: () => ['check', '--today', '2026-11-21'], status: 1 },
    { name: 'check, replayed a second time', args: () => ['check', '--today', '2026-11-21'], status: 1 },
    ...FORMATS.check!.map((format) => ({
      name: `check --base --format ${format}`,
      args: () => ['check', '--base', 'main', '--no-cache', '--today', '2026-11-21', '--format', format],
      status: 1,
    })),
    ...FORMATS.check!.map((format) => ({
      name: `diff --format ${format}`,
      args: () => ['diff', 'main', '--no-cache', '--today', '2026-11-21', '--format', format],
      status: 1,
    })),
    ...FORMATS.coverage!.map((format) => ({
      name: `coverage --format ${format}`,
      args: () => ['coverage', '--no-cache', '--today', '2026-11-21', '--format', format],
      status: 0,
    })),
    ...FORMATS.report!.map((format) => ({
      name: `report --format ${format}`,
      args: (_root: string, out: string) => ['report', '--no-cache', '--today', '2026-11-21', '--format', format, '--output', join(out, format), '--force'],
      status: 0,
    })),
    { name: 'init', args: (_root: string, out: string) => ['init', join(out, 'init')], status: 0 },
  ];

  for (const run of runs) {
    it(`${run.name}: exits quietly with its own exit code`, async () => {
      const result = await runIntoClosedPipe(run.args(repository.root, scratch), repository.root);
      assert.doesNotMatch(result.stderr, /EPIPE|Unhandled|internal error|\n\s+at .+:\d+:\d+/, result.stderr);
      assert.equal(result.status, run.status, result.stderr);
    });
  }
});
