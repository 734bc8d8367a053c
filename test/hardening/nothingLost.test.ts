import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadProject } from '../../src/core/config/loadProject.js';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex.js';
import { RULES } from '../../src/core/rules/registry.js';
import type { DocumentContext } from '../../src/core/rules/rule.js';
import { clausemark, type CliRun } from '../support/cliRunner.js';
import { copyExample } from '../support/exampleCopy.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, TODAY } from '../support/repository.js';

const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit'];
const COVERAGE_FORMATS = ['markdown', 'json', 'csv', 'html'];

/** Every file under a folder (dot files included) with the SHA-256 of its bytes. */
function hashTree(folder: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes.set(relative(folder, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(folder);
  return hashes;
}

function snapshot(): { folder: string; cacheHome: string } {
  const sandbox = mkdtempSync(join(tmpdir(), 'clausemark-snapshot-'));
  const folder = join(sandbox, 'repo');
  copyExample(folder);
  mkdirSync(join(folder, '.git'));
  writeFileSync(join(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(folder, 'existing-report.md'), 'an earlier report\n');
  mkdirSync(join(folder, 'existing-pack'));
  writeFileSync(join(folder, 'existing-pack', 'audit-pack.html'), 'an earlier audit pack\n');
  mkdirSync(join(folder, 'existing-book'));
  writeFileSync(join(folder, 'existing-book', 'book.html'), 'an earlier book\n');
  return { folder, cacheHome: join(sandbox, 'cache-home') };
}

/** Every command, every format, to standard output; plus the writes that must be refused without --force. */
function runEveryCommand(folder: string, extra: string[], cacheHome: string): CliRun[] {
  const env = { XDG_CACHE_HOME: cacheHome };
  const run = (args: string[]): CliRun => clausemark(args, folder, { timeoutMs: 120_000, env });
  const runs: CliRun[] = [];
  for (const format of CHECK_FORMATS) runs.push(run(['check', '--format', format, '--today', '2026-11-21', ...extra]));
  for (const format of COVERAGE_FORMATS) runs.push(run(['coverage', '--format', format, '--today', '2026-11-21', ...extra]));
  runs.push(run(['rules']), run(['rules', '--format', 'json']));
  runs.push(run(['--help']), run(['check', '--help']));
  // Not a real git history here: `diff` ends with exit 2, and must not write either. The audit pack goes outside.
  runs.push(run(['diff', 'HEAD']), run(['report', '--output', join(cacheHome, '..', 'pack'), '--today', '2026-11-21', ...extra]));
  runs.push(run(['export', '--output', join(cacheHome, '..', 'registers.xlsx'), ...extra]), run(['book', '--output', join(cacheHome, '..', 'book'), ...extra]));
  const refusals = [
    run(['init']),
    run(['check', '--output', 'existing-report.md', ...extra]),
    run(['coverage', '--output', 'existing-report.md', ...extra]),
    run(['report', '--output', 'existing-pack', ...extra]),
    run(['export', '--output', 'existing-report.md', ...extra]),
    run(['book', '--output', 'existing-book', ...extra]),
  ];
  for (const refusal of refusals) {
    assert.equal(refusal.status, 2, refusal.stderr);
    assert.match(refusal.stderr, /already exists; it was left as it is \(use --force to replace it\)/);
  }
  return [...runs, ...refusals];
}

describe('nothing is lost', function () {
  this.timeout(600_000);

  it('every command against a snapshot of a repository changes no file; only the cache folder appears', () => {
    const { folder, cacheHome } = snapshot();
    try {
      const before = hashTree(folder);
      runEveryCommand(folder, [], cacheHome);
      const after = hashTree(folder);
      const added = [...after.keys()].filter((path) => !before.has(path)).sort();
      assert.deepEqual(added, ['.clausemark-cache/.gitignore', '.clausemark-cache/documents.json', '.clausemark-cache/results.json']);
      for (const [path, hash] of before) assert.equal(after.get(path), hash, `${path} changed`);
    } finally {
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  });

  it('with --no-cache, nothing at all appears', () => {
    const { folder, cacheHome } = snapshot();
    try {
      const before = hashTree(folder);
      runEveryCommand(folder, ['--no-cache'], cacheHome);
      assert.deepEqual(hashTree(folder), before);
    } finally {
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  });

  it('a read-only checkout is still checked (as an unprivileged user); the cache is only noted as not saved', function () {
    const { folder, cacheHome } = snapshot();
    try {
      const before = hashTree(folder);
      chmodSync(join(folder, '..'), 0o755);
      setTreeMode(folder, 0o555, 0o444);
      const asRoot = process.getuid?.() === 0;
      // Root writes through any mode; as root the CLI runs as `nobody` through setpriv (util-linux).
      const command = asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : undefined;
      const result = clausemark(['check', folder, '--today', '2026-11-21'], '/', {
        ...(command ? { command } : {}),
        timeoutMs: 120_000,
        env: { XDG_CACHE_HOME: cacheHome },
      });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /48 of 57 leaf clauses covered/);
      assert.deepEqual(hashTree(folder), before);
    } finally {
      setTreeMode(folder, 0o755, 0o644);
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  });

  it('--force is what lets a report or init replace a file', () => {
    const { folder, cacheHome } = snapshot();
    try {
      const env = { XDG_CACHE_HOME: cacheHome };
      const forced = clausemark(['coverage', '--output', 'existing-report.md', '--force', '--no-cache'], folder, { env });
      assert.equal(forced.status, 0, forced.stderr);
      assert.match(readFileSync(join(folder, 'existing-report.md'), 'utf8'), /clause/i);
      const init = clausemark(['init', '--force'], folder, { env });
      assert.equal(init.status, 0, init.stderr);
    } finally {
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  });
});

function setTreeMode(folder: string, folderMode: number, fileMode: number): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) setTreeMode(path, folderMode, fileMode);
    else chmodSync(path, fileMode);
  }
  chmodSync(folder, folderMode);
}

describe('crash containment', () => {
  it('a check that throws on one document becomes internal.rule-failed there; every other finding is still reported', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.git/HEAD': 'ref: refs/heads/main\n',
      '/repo/sms/faulty.md': documentText({ id: 'PRC-FAULTY', clauses: '\n  - 8.6.1\n  - BOOM.1' }),
      '/repo/sms/fine.md': documentText({ id: 'PRC-FINE', next_review: '2026-01-01', clauses: '\n  - 8.6.9' }),
    });
    const loaded = await loadProject({ start: '/repo', fs });
    assert.ok(loaded.ok);
    // A faulty rule: suggesting ids for `BOOM.1` throws, as a bug in a clause check would.
    const rules = RULES.map((rule) =>
      rule.id !== 'clause.unknown'
        ? rule
        : {
            ...rule,
            checkDocument: (context: DocumentContext) => {
              if (context.document.clauses.some((claim) => claim.clause === 'BOOM.1')) throw new Error('catalog lookup exploded');
              rule.checkDocument?.(context);
            },
          },
    );
    const index = new WorkspaceIndex({ project: loaded.project, fs, now: () => TODAY, rules });
    await index.scan();
    const faulty = index.findingsFor('sms/faulty.md');
    assert.deepEqual(
      faulty.filter((f) => f.ruleId === 'internal.rule-failed').map((f) => `${f.range?.start.line}:${f.range?.start.column} ${f.message}`),
      ['2:5 The check for `clause.unknown` failed on this document (catalog lookup exploded); the other checks still ran.'],
    );
    const fine = index.findingsFor('sms/fine.md').map((f) => f.ruleId);
    assert.ok(fine.includes('clause.unknown') && fine.includes('control.review-overdue'), fine.join(', '));
    assert.ok(index.repositoryFindings().length > 0, 'coverage is still computed');
  });

  it('a reader that throws on one file becomes internal.rule-failed on it; the others are read', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.git/HEAD': 'ref: refs/heads/main\n',
      '/repo/sms/boom.md': documentText({ id: 'PRC-BOOM', boom: 'x' }),
      '/repo/sms/fine.md': documentText({ id: 'PRC-FINE', next_review: '2026-01-01' }),
    });
    const loaded = await loadProject({ start: '/repo', fs });
    assert.ok(loaded.ok);
    // Injected through the one list the reader consults per field: asking about `boom` throws.
    const extraFields = Object.assign([] as string[], {
      includes: (name: string) => {
        if (name === 'boom') throw new Error('reader exploded');
        return false;
      },
    });
    const project = { ...loaded.project, config: { ...loaded.project.config, extraFields } };
    const index = new WorkspaceIndex({ project, fs, now: () => TODAY });
    await index.scan();
    assert.deepEqual(
      index.findingsFor('sms/boom.md').map((f) => `${f.ruleId} ${f.range?.start.line}:${f.range?.start.column}`),
      ['internal.rule-failed 1:1'],
    );
    assert.match(index.findingsFor('sms/boom.md')[0]!.message, /could not read this file \(reader exploded\)/);
    assert.ok(index.findingsFor('sms/fine.md').some((f) => f.ruleId === 'control.review-overdue'));
  });
});

describe('cache safety', function () {
  this.timeout(300_000);
  let folder: string;
  let cacheHome: string;
  const check = (extra: string[] = []): CliRun =>
    clausemark(['check', '--format', 'json', '--today', '2026-11-21', ...extra], folder, { timeoutMs: 120_000, env: { XDG_CACHE_HOME: cacheHome } });
  const cacheFile = (): string => join(folder, '.clausemark-cache', 'documents.json');

  beforeEach(() => {
    ({ folder, cacheHome } = snapshot());
  });
  afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('a truncated or corrupt cache is discarded and rewritten; results equal a run without cache', () => {
    const clean = check(['--no-cache']).stdout;
    assert.equal(check().stdout, clean);
    const full = readFileSync(cacheFile(), 'utf8');
    for (const broken of [full.slice(0, Math.floor(full.length / 2)), 'not json', '{"format": 1}', '']) {
      // Without the replayed answers, so that this run reads the parse cache.
      rmSync(join(folder, '.clausemark-cache', 'results.json'), { force: true });
      writeFileSync(cacheFile(), broken);
      assert.equal(check().stdout, clean);
      assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile(), 'utf8')) as unknown);
    }
  });

  it('a crafted cache (as a pull request could commit) is not trusted: it cannot hide a finding', () => {
    const clean = check(['--no-cache']).stdout;
    check();
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { format: string; signature: string; entries: string };
    const entries = JSON.parse(cache.entries) as Record<string, { findings: unknown[] }>;
    for (const entry of Object.values(entries)) entry.findings = [];
    // Re-signed with a key that is not this machine's: what an attacker without the local key can do.
    rmSync(join(folder, '.clausemark-cache', 'results.json'), { force: true });
    writeFileSync(
      cacheFile(),
      JSON.stringify({ ...cache, entries: JSON.stringify(entries), signature: createHash('sha256').update(JSON.stringify(entries)).digest('hex') }),
    );
    assert.equal(check().stdout, clean);
    // The same crafted entries with the original signature do not verify either.
    rmSync(join(folder, '.clausemark-cache', 'results.json'), { force: true });
    writeFileSync(cacheFile(), JSON.stringify({ ...cache, entries: JSON.stringify(entries) }));
    assert.equal(check().stdout, clean);
  });

  it('concurrent runs all give the same result and leave one whole cache, no temporary files', async () => {
    const clean = check(['--no-cache']).stdout;
    const { spawn } = await import('node:child_process');
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<string>((done, fail) => {
          const child = spawn(process.execPath, [resolve('bin/clausemark.js'), 'check', '--format', 'json', '--today', '2026-11-21'], {
            cwd: folder,
            env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' },
          });
          let stdout = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.on('error', fail);
          child.on('close', () => done(stdout));
        }),
    );
    for (const stdout of await Promise.all(runs)) assert.equal(stdout, clean);
    assert.deepEqual(readdirSync(join(folder, '.clausemark-cache')).sort(), ['.gitignore', 'documents.json', 'results.json']);
    assert.equal(check().stdout, clean);
  });
});
