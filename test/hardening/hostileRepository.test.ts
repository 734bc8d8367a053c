import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check.js';
import { loadProject } from '../../src/core/config/loadProject.js';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex.js';
import type { Finding } from '../../src/core/model/finding.js';
import { MAX_RELATED } from '../../src/core/rules/trace/duplicate-id.js';
import { nodeFileSystem } from '../../src/core/workspace/nodeFileSystem.js';
import { clausemark } from '../support/cliRunner.js';
import { documentText, indexOf } from '../support/repository.js';

const TODAY = new Date('2026-11-21T12:00:00Z');

function where(finding: Finding): string {
  return `${finding.file}:${finding.range?.start.line}:${finding.range?.start.column} ${finding.ruleId}`;
}

describe('hostile repositories', function () {
  this.timeout(240_000);
  let sandbox: string;
  let root: string;
  let outside: string;

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'clausemark-repo-'));
    root = join(sandbox, 'repo');
    outside = join(sandbox, 'outside');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'sms/records'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.md'), documentText({ id: 'SECRET-ID', title: 'Outside secret' }));
  });

  afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

  it('symlink loops and symlinked folders leading out are not followed; the scan ends', async () => {
    symlinkSync('.', join(root, 'sms/self'));
    symlinkSync('loop-b', join(root, 'sms/loop-a'));
    symlinkSync('loop-a', join(root, 'sms/loop-b'));
    symlinkSync(outside, join(root, 'sms/outside-folder'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'sms/secret-link.md'));
    writeFileSync(join(root, 'sms/p.md'), documentText());
    const outcome = await checkRepository({ cwd: root, now: () => TODAY });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.result.index.paths(), ['sms/p.md']);
    const text = JSON.stringify(outcome.result.findings);
    assert.doesNotMatch(text, /SECRET-ID|Outside secret/);
  });

  it('a Markdown link leading out, or a pipe, is reported unreadable when asked for by name (as an editor would)', async () => {
    symlinkSync(join(outside, 'secret.md'), join(root, 'sms/secret-link.md'));
    execFileSync('mkfifo', [join(root, 'sms/pipe.md')]);
    const loaded = await loadProject({ start: root, fs: nodeFileSystem });
    assert.ok(loaded.ok);
    const index = new WorkspaceIndex({ project: loaded.project, fs: nodeFileSystem, now: () => TODAY });
    await index.scan();
    await index.setDocument('sms/secret-link.md');
    await index.setDocument('sms/pipe.md');
    assert.deepEqual(index.findingsFor('sms/secret-link.md').map(where), ['sms/secret-link.md:1:1 file.unreadable']);
    assert.match(index.findingsFor('sms/secret-link.md')[0]!.message, /outside the repository/);
    assert.equal(index.documentAt('sms/secret-link.md'), undefined);
    assert.match(index.findingsFor('sms/pipe.md')[0]!.message, /not a regular file/);
  });

  it('evidence paths: .., absolute, file: and javascript: URLs, Windows separators, a link out, a loop, case-only differences', async () => {
    symlinkSync(outside, join(root, 'sms/outside-folder'));
    symlinkSync('loop-b', join(root, 'sms/loop-a'));
    symlinkSync('loop-a', join(root, 'sms/loop-b'));
    writeFileSync(join(root, 'sms/records/Review.md'), '# A record\n');
    const evidence = [
      '../../outside/secret.md',
      'outside-folder/secret.md',
      '/etc/passwd',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '..\\\\..\\\\outside\\\\secret.md',
      'C:\\\\Windows\\\\win.ini',
      'records\\\\Review.md',
      'records/review.md',
      'loop-a/x.md',
    ];
    const lines = evidence.map((path) => `\n  - path: "${path}"\n    date: 2026-10-01`).join('');
    writeFileSync(join(root, 'sms/p.md'), documentText({ evidence: lines, clauses: '\n  - 8.6.1' }));
    const outcome = await checkRepository({ cwd: root, now: () => TODAY });
    assert.ok(outcome.ok);
    const evidenceFindings = outcome.result.findings.filter((f) => f.ruleId.startsWith('evidence.')).map((f) => `${f.range?.start.line} ${f.ruleId}`);
    assert.deepEqual(evidenceFindings, [
      '14 evidence.outside-repository', // ../../outside
      '16 evidence.outside-repository', // a folder symlink out
      '18 evidence.outside-repository', // absolute
      '20 evidence.outside-repository', // a file: URL given as a path
      '22 evidence.outside-repository', // javascript: given as a path
      '24 evidence.outside-repository', // Windows separators are separators
      '26 evidence.outside-repository', // a drive letter
      // records\Review.md resolves to the real file and is fine.
      '30 evidence.missing-file', // case differs: paths are exact, as in git
      '32 evidence.missing-file', // a symlink loop does not resolve
    ]);
    assert.doesNotMatch(JSON.stringify(outcome.result.findings), /SECRET-ID|root:x:0/);
  });

  it('evidence urls: only http(s); javascript: and file: are refused, none fetched', async () => {
    const { index } = await indexOf({
      'sms/p.md': documentText({
        evidence:
          '\n  - url: "javascript:alert(document.domain)"\n  - url: "file:///etc/passwd"\n  - url: "JaVaScRiPt:alert(1)"\n  - url: "https://example.com/ok"\n    date: 2026-10-01',
      }),
    });
    assert.deepEqual(
      index
        .findingsFor('sms/p.md')
        .filter((f) => f.ruleId.startsWith('evidence.'))
        .map(where),
      ['sms/p.md:14:10 evidence.unsafe-url', 'sms/p.md:15:10 evidence.unsafe-url', 'sms/p.md:16:10 evidence.unsafe-url'],
    );
  });

  it(`thousands of documents with one id: each finding lists at most ${MAX_RELATED} others and counts the rest`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`sms/d${String(i).padStart(4, '0')}.md`] = documentText({ id: 'PRC-SAME' });
    const { index } = await indexOf(files);
    const findings = index.allFindings().filter((f) => f.ruleId === 'trace.duplicate-id');
    assert.equal(findings.length, 3000);
    for (const finding of findings) {
      assert.equal(finding.related?.length, MAX_RELATED);
      assert.match(finding.message, new RegExp(`and ${3000 - 1 - MAX_RELATED} more documents; ids must be unique`));
    }
    assert.ok(JSON.stringify(findings).length < 3000 * 4000, 'the report grows linearly with the number of copies');
  });

  it('a related cycle (A → B → C → A) is not a problem and does not loop', async () => {
    const { index } = await indexOf({
      'sms/a.md': documentText({ id: 'A', related: '[B]' }),
      'sms/b.md': documentText({ id: 'B', related: '[C]' }),
      'sms/c.md': documentText({ id: 'C', related: '[A, C]' }),
    });
    assert.deepEqual(
      index.allFindings().filter((f) => f.ruleId.startsWith('trace.')),
      [],
    );
  });
});

describe('hostile catalogs and configs', function () {
  this.timeout(120_000);
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'clausemark-settings-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'sms'));
    writeFileSync(join(root, 'sms/p.md'), documentText());
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Runs check with the given config (and catalog), expecting exit 2 and exactly these `file:line:col: message` lines. */
  function refused(config: string, catalog: string | undefined, expected: RegExp[]): void {
    writeFileSync(join(root, 'clausemark.json'), config);
    if (catalog !== undefined) writeFileSync(join(root, 'catalog.json'), catalog);
    const result = clausemark(['check', '--no-cache'], root, { timeoutMs: 60_000 });
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, expected.length, result.stderr);
    lines.forEach((line, index) => assert.match(line, expected[index]!));
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  }

  const config = (name: string): RegExp => new RegExp(`^clausemark: .*/${name}:\\d+:\\d+: `);

  it('invalid JSON in the config: exit 2 at the line of the mistake', () => {
    refused('{\n  "rules": { "x": }\n}', undefined, [new RegExp(`${config('clausemark.json').source}invalid JSON: value expected`)]);
  });

  it('an empty config file', () => {
    refused('', undefined, [/clausemark\.json:1:1: invalid JSON: value expected/]);
  });

  it('valid JSON of the wrong shape, with __proto__ among the keys', () => {
    refused('{"include": "x", "__proto__": {"polluted": 1}, "maxFileSizeKB": "big"}', undefined, [
      /clausemark\.json:1:18: the top level has an unknown property `__proto__`/,
      /clausemark\.json:1:13: `include` must be array/,
      /clausemark\.json:1:65: `maxFileSizeKB` must be integer/,
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('a catalog with invalid JSON', () => {
    refused('{"catalog": "./catalog.json"}', '{"id": "x",\n "clauses": [ }', [
      /catalog\.json:2:15: invalid JSON: value expected/,
      /catalog\.json:2:16: invalid JSON: close bracket expected/,
      /catalog\.json:2:16: invalid JSON: close brace expected/,
    ]);
  });

  it('a catalog of the wrong shape', () => {
    refused('{"catalog": "./catalog.json"}', '{"id": 5, "clauses": {}}', [
      /catalog\.json:1:1: the top level must have required property 'title'/,
      /catalog\.json:1:8: `id` must be string/,
      /catalog\.json:1:22: `clauses` must be array/,
    ]);
  });

  it('a catalog whose parents form a cycle', () => {
    refused(
      '{"catalog": "./catalog.json"}',
      JSON.stringify(
        {
          id: 'x',
          title: 'x',
          clauses: [
            { id: 'A', title: 'a', parent: 'B' },
            { id: 'B', title: 'b', parent: 'A' },
          ],
        },
        null,
        1,
      ),
      [/catalog\.json:8:14: clause `A` is its own ancestor/, /catalog\.json:13:14: clause `B` is its own ancestor/],
    );
  });

  it('a catalog with duplicate clause ids', () => {
    refused(
      '{"catalog": "./catalog.json"}',
      JSON.stringify(
        {
          id: 'x',
          title: 'x',
          clauses: [
            { id: 'A', title: 'a' },
            { id: 'A', title: 'b' },
          ],
        },
        null,
        1,
      ),
      [/catalog\.json:10:\d+: clause id `A` appears twice/],
    );
  });

  it('a catalog outside the repository, or a URL, is never read or fetched', () => {
    refused('{"catalog": "/etc/passwd"}', undefined, [/clausemark\.json:1:13: the catalog \/etc\/passwd is outside the repository/]);
    refused('{"catalog": "../../etc/hosts.json"}', undefined, [/clausemark\.json:1:13: the catalog \.\.\/\.\.\/etc\/hosts\.json is outside the repository/]);
    refused('{"catalog": "https://example.com/catalog.json"}', undefined, [
      /clausemark\.json:1:13: the catalog https:\/\/example\.com\/catalog\.json cannot be read: the file does not exist/,
    ]);
  });

  it('glob patterns that would backtrack catastrophically (the only regular expressions a config can hold)', () => {
    refused('{\n  "include": ["**/*.md", "**/*a*a*a*b.md"],\n  "smsFolders": ["+(a|aa)+(a|aa)/**"]\n}', undefined, [
      /clausemark\.json:2:26: `include` pattern `\*\*\/\*a\*a\*a\*b\.md` is refused: `\*a\*a\*a\*b\.md` has more than 2 `\*` in one name/,
      /clausemark\.json:3:18: `smsFolders` pattern `\+\(a\|aa\)\+\(a\|aa\)\/\*\*` is refused: extended globs/,
    ]);
  });

  it('a catalog of 5,000 clauses (with prototype-named ids) is checked', () => {
    const clauses: object[] = [
      { id: 'R', title: 'root' },
      { id: 'constructor', title: 'c', parent: 'R' },
      { id: 'toString', title: 't', parent: 'R' },
    ];
    for (let i = 0; i < 5000; i++)
      clauses.push({ id: `C${i}`, title: `t${i}`, parent: i < 50 ? 'R' : `C${i % 50}`, ...(i >= 50 ? { records: [{ description: 'r' }] } : {}) });
    writeFileSync(join(root, 'catalog.json'), JSON.stringify({ id: 'big', title: 'Big', clauses }));
    writeFileSync(join(root, 'clausemark.json'), '{"catalog": "./catalog.json"}');
    writeFileSync(join(root, 'sms/p.md'), documentText({ clauses: '[constructor, toString, hasOwnProperty, C4999]' }));
    const result = clausemark(['check', '--no-cache', '--format', 'json', '--today', '2026-11-21'], root, { timeoutMs: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { summary: { coverage: { leaves: number; covered: number } }; findings: Finding[] };
    assert.equal(report.summary.coverage.leaves, 4952);
    assert.equal(report.summary.coverage.covered, 2);
    assert.deepEqual(
      report.findings.filter((f) => f.ruleId === 'clause.unknown').map((f) => f.message.split(' ')[0]),
      ['`hasOwnProperty`'],
    );
  });
});
