import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neutraliseForTerminal } from '../../src/core/text/controlCharacters.js';
import { UnsafePathError, writeFileSafely } from '../../src/core/workspace/safeFiles.js';
import { testCacheHome } from '../support/cacheKey.js';
import { clausemark, type CliRun } from '../support/cliRunner.js';
import { documentText } from '../support/repository.js';

const ENV = { XDG_CACHE_HOME: testCacheHome().home };
const CHECK = ['check', '--today', '2026-11-21'];

describe('hostile repositories: nothing is written or read outside the repository, no escape reaches the terminal', function () {
  this.timeout(120_000);
  let sandbox: string;
  let root: string;
  let outside: string;

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'clausemark-outside-'));
    root = join(sandbox, 'repo');
    outside = join(sandbox, 'outside');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'sms'));
    mkdirSync(outside);
    writeFileSync(join(root, 'sms/p.md'), documentText({ clauses: '\n  - 99.9' }));
    writeFileSync(join(outside, '.gitignore'), 'theirs\n');
    writeFileSync(join(outside, 'results.json'), 'theirs');
    writeFileSync(join(outside, 'victim.html'), 'theirs');
  });

  afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

  const run = (args: string[]): CliRun => clausemark(args, root, { env: ENV, timeoutMs: 60_000 });
  const outsideUnchanged = (): void => {
    assert.deepEqual(readdirSync(outside).sort(), ['.gitignore', 'results.json', 'victim.html']);
    for (const name of readdirSync(outside)) assert.equal(readFileSync(join(outside, name), 'utf8'), name === '.gitignore' ? 'theirs\n' : 'theirs', name);
  };

  it('.clausemark-cache committed as a link to a folder outside: the check runs, the cache is not saved, nothing outside changes', () => {
    symlinkSync(outside, join(root, '.clausemark-cache'));
    const result = run(CHECK);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /clause\.unknown/);
    assert.match(result.stderr, /the cache could not be saved \(.*\.clausemark-cache is a symbolic link/);
    outsideUnchanged();
  });

  it('.clausemark-cache/.gitignore committed as a link to a file outside: it is not written through', () => {
    mkdirSync(join(root, '.clausemark-cache'));
    symlinkSync(join(outside, '.gitignore'), join(root, '.clausemark-cache/.gitignore'));
    symlinkSync(join(outside, 'results.json'), join(root, '.clausemark-cache/results.json'));
    assert.equal(run(CHECK).status, 1);
    outsideUnchanged();
  });

  it('report --force does not follow a committed audit-pack/audit-pack.html link', () => {
    mkdirSync(join(root, 'audit-pack'));
    symlinkSync(join(outside, 'victim.html'), join(root, 'audit-pack/audit-pack.html'));
    const result = run(['report', '--force', '--today', '2026-11-21', '--no-cache']);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /audit-pack\.html is a symbolic link/);
    assert.ok(lstatSync(join(root, 'audit-pack/audit-pack.html')).isSymbolicLink());
    outsideUnchanged();
  });

  it('--output through a committed folder link, or onto a committed link, is refused (exit 2); init --force too', () => {
    symlinkSync(outside, join(root, 'reports'));
    symlinkSync(join(outside, 'victim.html'), join(root, 'report.json'));
    symlinkSync(join(outside, 'results.json'), join(root, 'clausemark.link-target'));
    for (const args of [
      [...CHECK, '--output', 'reports/victim.html', '--force'],
      [...CHECK, '--output', 'reports/new.json'],
      [...CHECK, '--output', 'report.json', '--force'],
      ['coverage', '--output', 'reports/victim.html', '--force'],
      ['report', '--output', 'reports', '--force'],
    ]) {
      const result = run([...args, '--no-cache']);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /is a symbolic link/, args.join(' '));
    }
    rmSync(join(root, 'clausemark.link-target'));
    symlinkSync(join(outside, 'results.json'), join(root, 'clausemark.json'));
    const init = run(['init', '--force']);
    assert.equal(init.status, 2, init.stderr);
    outsideUnchanged();
  });

  it('the safe write replaces through a temporary file and never replaces a dangling link', () => {
    writeFileSafely(join(root, 'a/b/c.txt'), 'one', { root, replace: false });
    writeFileSafely(join(root, 'a/b/c.txt'), 'two', { root, replace: true });
    assert.equal(readFileSync(join(root, 'a/b/c.txt'), 'utf8'), 'two');
    assert.deepEqual(readdirSync(join(root, 'a/b')), ['c.txt'], 'no temporary file left');
    assert.throws(() => writeFileSafely(join(root, 'a/b/c.txt'), 'three', { root, replace: false }), { code: 'EEXIST' });
    symlinkSync(join(outside, 'not-yet'), join(root, 'dangling'));
    for (const replace of [false, true]) {
      assert.throws(
        () => writeFileSafely(join(root, 'dangling'), 'x', { root, replace }),
        (error: unknown) => error instanceof UnsafePathError && error.code === 'ESYMLINK',
      );
    }
    outsideUnchanged();
  });

  it('a clausemark.json that is a link to a file outside is refused, and its keys never printed', () => {
    writeFileSync(join(outside, 'secrets.json'), '{"ghp_SECRET_TOKEN_123": true}');
    symlinkSync(join(outside, 'secrets.json'), join(root, 'clausemark.json'));
    const result = run([...CHECK, '--no-cache']);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /clausemark\.json: .*outside the repository/);
    assert.doesNotMatch(result.stdout + result.stderr, /SECRET_TOKEN/);
  });

  it('include, exclude and smsFolders patterns leaving the repository are refused at their line (exit 2)', () => {
    writeFileSync(join(outside, 'secret.md'), documentText({ id: 'OUTSIDE-SECRET' }));
    writeFileSync(
      join(root, 'clausemark.json'),
      '{\n  "include": ["**/*.md", "../../../../usr/share/**/*.md", "/etc/**/*.md"],\n  "smsFolders": ["../**", "sms/{..,x}/**"],\n  "exclude": ["C:\\\\Windows/**"]\n}',
    );
    const result = run([...CHECK, '--no-cache']);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    const lines = result.stderr.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => line.replace(/^clausemark: .*clausemark\.json:/, '').replace(/ is refused: .*/, '')),
      [
        '2:26: `include` pattern `../../../../usr/share/**/*.md`',
        '2:59: `include` pattern `/etc/**/*.md`',
        '4:15: `exclude` pattern `C:\\Windows/**`',
        '3:18: `smsFolders` pattern `../**`',
        '3:27: `smsFolders` pattern `sms/{..,x}/**`',
      ],
    );
    for (const line of lines) assert.match(line, /leads outside the repository/);
    assert.doesNotMatch(result.stdout + result.stderr, /OUTSIDE-SECRET/);
  });

  it('control characters in a message (OSC, screen clear, bell) reach stderr neutralised', () => {
    const hostile = '\u001b]0;owned\u0007\u001b[2J\u001b[H\u009b31m';
    writeFileSync(join(root, 'clausemark.json'), JSON.stringify({ include: [`${hostile}*a*a*a*.md`], catalog: `${hostile}` }));
    const result = run([...CHECK, '--no-cache']);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /refused/);
    assert.doesNotMatch(result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(result.stderr, /\\x1b\]0;owned\\x07/);
  });

  it('the terminal filter keeps line breaks, progress redraws and colours, and shows every other control as text', () => {
    assert.equal(neutraliseForTerminal('a\n\tb\r\u001b[K\u001b[31mred\u001b[39m'), 'a\n\tb\r\u001b[K\u001b[31mred\u001b[39m');
    assert.equal(
      neutraliseForTerminal('\u001b]8;;https://x.invalid\u0007link\u001b]8;;\u0007\u001b[2J\u001b[1;1H\u009b2J\u202e'),
      '\\x1b]8;;https://x.invalid\\x07link\\x1b]8;;\\x07\\x1b[2J\\x1b[1;1H\\x9b2J\\u202e',
    );
  });
});
