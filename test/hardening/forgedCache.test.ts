import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintTree, runKey, toolBuildId } from '../../src/cli/resultCache.js';
import { signEntries } from '../../src/core/index/signedCacheFile.js';
import { readRegularFile, UnsafePathError } from '../../src/core/workspace/safeFiles.js';
import { resignResults, testCacheHome } from '../support/cacheKey.js';
import { clausemark, type CliRun } from '../support/cliRunner.js';
import { documentText } from '../support/repository.js';

const DAY = '2026-11-21';
const { home: CACHE_HOME, key: KEY } = testCacheHome();
const ENV = { XDG_CACHE_HOME: CACHE_HOME };

/**
 * Runs the CLI with its standard input a real pipe held open while it runs (as in CI or a terminal; Node's own
 * `pipe` is a socket, which /dev/stdin cannot be opened on), killed after `timeoutMs`.
 */
function clausemarkWithOpenStdin(args: string[], cwd: string, timeoutMs: number): CliRun {
  const script = 'exec {held}< <(exec sleep 120 2>/dev/null); writer=$!; "$0" "$@" <&$held; status=$?; kill $writer; exit $status';
  return clausemark(args, cwd, { env: ENV, timeoutMs, command: ['bash', '-c', script, process.execPath] });
}

/** The answer a committed results file claims: no problems, exit 0. */
const FORGED = { stdout: 'No problems found in 1 document (1 Markdown file).\n', stderr: '', exitCode: 0 };

describe('hostile caches: a forged result is never replayed, a planted file never read', function () {
  this.timeout(120_000);
  let sandbox: string;
  let root: string;
  let outside: string;

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'clausemark-forged-'));
    root = join(sandbox, 'repo');
    outside = join(sandbox, 'outside');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'sms'));
    mkdirSync(outside);
    // Two real errors: an unknown clause and a missing owner.
    writeFileSync(join(root, 'sms/p.md'), documentText({ clauses: '\n  - 99.9', owner: undefined }));
  });

  afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

  const argv = ['check', 'sms/p.md', '--today', DAY];
  const commit = (file: object): void => {
    mkdirSync(join(root, '.clausemark-cache'), { recursive: true });
    writeFileSync(join(root, '.clausemark-cache/results.json'), JSON.stringify(file));
  };
  /** What a contributor can compute for this command: its key, and the fingerprint of the checked file taken as root. */
  const forgedEntry = () => ({
    ...FORGED,
    key: runKey(argv, root, { NO_COLOR: '1', TERM: process.env.TERM }, false, toolBuildId(), DAY),
    root: join(root, 'sms/p.md'),
    fingerprint: fingerprintTree(join(root, 'sms/p.md')).fingerprint,
    outputFile: { path: join(outside, 'written-by-replay.txt'), content: 'pwned' },
  });

  function assertRealCheck(): void {
    const run = clausemark(argv, root, { env: ENV, timeoutMs: 60_000 });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /clause\.unknown/);
    assert.doesNotMatch(run.stdout, /No problems found/);
    assert.deepEqual(readdirSync(outside), [], 'nothing is written where a cache entry says');
  }

  it('a committed results file (unsigned, its root the checked file, an output path outside) is not replayed', () => {
    commit({ format: 'clausemark-results-1', entries: [forgedEntry()] });
    assertRealCheck();
  });

  it('a results file signed with another key is not replayed', () => {
    const entries = JSON.stringify([forgedEntry()]);
    const format = 'clausemark-results-2';
    commit({ format, signature: signEntries(randomBytes(32), format, entries), entries });
    assertRealCheck();
  });

  it('a replay writes the report where the command line says, never where the entry says, and never trusts its root', () => {
    // A report outside the repository: one inside it changes the tree the answer is recorded for.
    const withOutput = ['check', '--today', DAY, '--format', 'json', '--output', '../reports/report.json'];
    assert.equal(clausemark(withOutput, root, { env: ENV }).status, 1);
    const report = join(sandbox, 'reports/report.json');
    const written = readFileSync(report, 'utf8');
    rmSync(report);
    // Even an entry this machine signed (were the key ever leaked) cannot choose a place to write or a root.
    resignResults(join(root, '.clausemark-cache/results.json'), KEY, (entries) =>
      entries.map((entry) => ({ ...entry, stdout: 'REPLAYED\n', root: outside, outputFile: { path: join(outside, 'x.json'), content: 'pwned' } })),
    );
    const replayed = clausemark(withOutput, root, { env: ENV });
    assert.deepEqual([replayed.status, replayed.stdout], [1, 'REPLAYED\n']);
    assert.equal(readFileSync(report, 'utf8'), written);
    assert.deepEqual(readdirSync(outside), []);
  });

  for (const [name, target] of [
    ['/dev/zero', '/dev/zero'],
    ['/dev/stdin', '/dev/stdin'],
    ['a pipe', 'pipe'],
  ] as const) {
    it(`results.json and documents.json committed as links to ${name}: the check runs normally`, () => {
      const linkTarget = target === 'pipe' ? join(outside, 'pipe') : target;
      if (target === 'pipe') execFileSync('mkfifo', [linkTarget]);
      mkdirSync(join(root, '.clausemark-cache'));
      symlinkSync(linkTarget, join(root, '.clausemark-cache/results.json'));
      symlinkSync(linkTarget, join(root, '.clausemark-cache/documents.json'));
      // Standard input stays open (as in CI or a terminal), so a read of /dev/stdin or the pipe would block: the
      // timeout makes that a failure.
      const run = clausemarkWithOpenStdin(argv, root, 30_000);
      assert.equal(run.status, 1, `${run.stdout}${run.stderr}`);
      assert.match(run.stdout, /clause\.unknown/);
    });
  }

  it('cache files are read only as regular files, without following a link, up to a size limit', () => {
    const file = join(root, 'cache.json');
    writeFileSync(file, '{}');
    assert.equal(readRegularFile(file, 10, root)?.toString(), '{}');
    truncateSync(file, 11);
    assert.throws(
      () => readRegularFile(file, 10, root),
      (error: unknown) => error instanceof UnsafePathError && error.code === 'EFBIG',
    );
    symlinkSync(file, join(root, 'link.json'));
    assert.throws(
      () => readRegularFile(join(root, 'link.json'), 100, root),
      (error: unknown) => error instanceof UnsafePathError && error.code === 'ESYMLINK',
    );
    symlinkSync(outside, join(root, 'folder-link'));
    writeFileSync(join(outside, 'cache.json'), '{}');
    assert.throws(
      () => readRegularFile(join(root, 'folder-link/cache.json'), 100, root),
      (error: unknown) => error instanceof UnsafePathError && error.code === 'ESYMLINK',
    );
    assert.throws(
      () => readRegularFile(root, 100, sandbox),
      (error: unknown) => error instanceof UnsafePathError && error.code === 'ENOTREG',
    );
    assert.equal(readRegularFile(join(root, 'missing.json'), 100, root), undefined);
    assert.ok(existsSync(file));
  });
});
