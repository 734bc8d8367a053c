import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fingerprintTree, recordRun } from '../../src/cli/resultCache.js';
import { resignResults, testCacheHome } from '../support/cacheKey.js';
import { documentText } from '../support/repository.js';

const BIN = resolve('bin/clausemark.js');
const MARKER = 'REPLAYED FROM THE RESULT CACHE\n';
const { home: CACHE_HOME, key: KEY } = testCacheHome();

function clausemark(args: string[], cwd: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CLAUSEMARK_NO_REPLAY: undefined, XDG_CACHE_HOME: CACHE_HOME },
  });
  return { status: result.status, stdout: result.stdout };
}

/** A repository whose files were last changed an hour ago, so a check may record its result. */
function repository(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'clausemark-replay-'));
  mkdirSync(join(folder, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  age(folder);
  return folder;
}

function age(folder: string): void {
  const past = new Date(Date.now() - 3_600_000);
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) if (name !== '.clausemark-cache') walk(join(path, name));
    utimesSync(path, past, past);
  };
  walk(folder);
}

/** Replaces every stored answer's output with the marker (signed with this machine's key): seeing the marker proves a replay. */
function plantMarker(folder: string): void {
  resignResults(join(folder, '.clausemark-cache', 'results.json'), KEY, (entries) => entries.map((entry) => ({ ...entry, stdout: MARKER })));
}

const FILES = {
  'sms/p.md': documentText({ clauses: '\n  - 8.6.4', evidence: '\n  - path: ../records/r.csv\n    clause: 8.6.1\n    date: 2026-10-01' }),
  'records/r.csv': 'id,date\n1,2026-10-01\n',
};
const CHECK = ['check', '--today', '2026-11-21'];

describe('the result cache', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => {
    folder = repository(FILES);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('answers a repeated check of an unchanged repository from the cache, with the same exit code', () => {
    const cold = clausemark(CHECK, folder);
    assert.equal(cold.status, 1);
    assert.ok(existsSync(join(folder, '.clausemark-cache', 'results.json')));
    const warm = clausemark(CHECK, folder);
    assert.deepEqual(warm, cold, 'the replay prints what the check printed');
    plantMarker(folder);
    assert.deepEqual(clausemark(CHECK, folder), { status: 1, stdout: MARKER });
  });

  it('checks again when a document, another file or a symlink target changes, or a file is added or deleted', () => {
    const changes: [string, () => void][] = [
      ['a document edited', () => writeFileSync(join(folder, 'sms/p.md'), documentText({ clauses: '\n  - 8.6.1' }))],
      ['an evidence file deleted', () => rmSync(join(folder, 'records/r.csv'))],
      ['a file added', () => writeFileSync(join(folder, 'records/new.pdf'), 'x')],
      ['a config added', () => writeFileSync(join(folder, 'clausemark.json'), '{ "reviewWarningDays": 5 }')],
      ['a symlink target changed', () => writeFileSync(join(folder, 'outside-target.txt'), 'changed')],
    ];
    symlinkSync(join(folder, 'outside-target.txt'), join(folder, 'records', 'link.txt'));
    writeFileSync(join(folder, 'outside-target.txt'), 'original');
    age(folder);
    for (const [what, change] of changes) {
      clausemark(CHECK, folder);
      plantMarker(folder);
      change();
      const after = clausemark(CHECK, folder);
      assert.notEqual(after.stdout, MARKER, `${what}: the stale answer was replayed`);
      age(folder);
    }
  });

  it('keys answers by day, arguments and colour, and never replays with --no-cache', () => {
    clausemark(CHECK, folder);
    plantMarker(folder);
    assert.notEqual(clausemark(['check', '--today', '2026-11-22'], folder).stdout, MARKER);
    assert.notEqual(clausemark([...CHECK, '--format', 'json'], folder).stdout, MARKER);
    assert.notEqual(clausemark([...CHECK, '--no-cache'], folder).stdout, MARKER);
    assert.equal(clausemark(CHECK, folder).stdout, MARKER);
  });

  it('rewrites the --output file on a replay', () => {
    clausemark([...CHECK, '--format', 'json', '--output', 'report.json'], folder);
    const written = readFileSync(join(folder, 'report.json'), 'utf8');
    rmSync(join(folder, 'report.json'));
    age(folder);
    clausemark([...CHECK, '--format', 'json', '--output', 'report.json'], folder);
    assert.equal(readFileSync(join(folder, 'report.json'), 'utf8'), written);
  });

  it('never overwrites an existing --output file on a replay without --force', () => {
    clausemark([...CHECK, '--format', 'json', '--output', 'report.json'], folder);
    writeFileSync(join(folder, 'report.json'), 'mine');
    age(folder);
    const again = spawnSync(process.execPath, [BIN, ...CHECK, '--format', 'json', '--output', 'report.json'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: CACHE_HOME },
    });
    assert.equal(again.status, 2, again.stderr);
    assert.equal(readFileSync(join(folder, 'report.json'), 'utf8'), 'mine');
    clausemark([...CHECK, '--format', 'json', '--output', 'report.json', '--force'], folder);
    assert.notEqual(readFileSync(join(folder, 'report.json'), 'utf8'), 'mine');
  });

  it('does not record a result that depends on a config outside the repository', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'clausemark-config-'));
    try {
      writeFileSync(join(elsewhere, 'clausemark.json'), '{}');
      clausemark([...CHECK, '--config', join(elsewhere, 'clausemark.json')], folder);
      assert.equal(existsSync(join(folder, '.clausemark-cache', 'results.json')), false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('does not record when a file changed while the check ran', () => {
    const startedMs = Date.now() - 10_000;
    writeFileSync(join(folder, 'sms/p.md'), documentText()); // modified after the (pretend) start
    recordRun(folder, 'key', startedMs, { stdout: 'x', stderr: '', exitCode: 0 }, KEY);
    assert.equal(existsSync(join(folder, '.clausemark-cache', 'results.json')), false);
  });

  it('fingerprints ignore the cache folder itself', () => {
    const before = fingerprintTree(folder).fingerprint;
    mkdirSync(join(folder, '.clausemark-cache'), { recursive: true });
    writeFileSync(join(folder, '.clausemark-cache', 'documents.json'), '{}');
    assert.equal(fingerprintTree(folder).fingerprint, before);
  });
});
