import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clausemarkInProcess } from '../support/cli.js';
import { clausemark, tempRepository } from '../support/cliRunner.js';
import { documentText } from '../support/repository.js';

const EXAMPLE = resolve('examples/acme-msp');

const NO_STACK = /\n\s+at .+:\d+:\d+/;

describe('the clausemark CLI', function () {
  this.timeout(60_000);

  it("lists every command in its usage, and `help COMMAND` shows that command's options", async () => {
    const usage = await clausemarkInProcess(['--help']);
    assert.equal(usage.status, 0);
    for (const command of ['check', 'diff <base> [head]', 'coverage', 'report', 'init', 'rules'])
      assert.match(usage.stdout, new RegExp(`^  ${command.replace(/[[\]]/g, '\\$&')} `, 'm'));
    assert.match((await clausemarkInProcess(['help', 'report'])).stdout, /^Usage: clausemark report/);
    assert.match((await clausemarkInProcess(['help', 'diff'])).stdout, /^Usage: clausemark diff/);
    assert.match((await clausemarkInProcess(['check', '--help'])).stdout, /--base REF/);
  });

  it("`help COMMAND` prints that command's own help for every command, the same as `COMMAND --help`", async () => {
    for (const command of ['check', 'coverage', 'diff', 'report', 'export', 'book', 'readiness', 'init', 'rules']) {
      const help = await clausemarkInProcess(['help', command]);
      assert.equal(help.status, 0, command);
      assert.match(help.stdout, new RegExp(`^Usage: clausemark ${command}\\b`), command);
      assert.equal(help.stdout, (await clausemarkInProcess([command, '--help'])).stdout, command);
    }
  });

  it('checks the example: findings as file:line:col, exit 1 because there are errors', () => {
    const result = clausemark(['check', EXAMPLE, '--no-cache', '--today', '2026-11-21']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /sms\/processes\/supplier-management\.md:10:14\s+error\s+control\.review-overdue/);
    assert.match(result.stdout, /clause\.unknown/);
    assert.match(result.stdout, /48 of 57 leaf clauses covered \(84.2%\), 5 at-risk, 2 partial, 2 uncovered/);
    assert.equal(result.stderr, '');
  });

  it("with paths, shows only their findings and says the coverage is the whole repository's", () => {
    const result = clausemark(['check', `${EXAMPLE}/sms/processes`, '--no-cache', '--today', '2026-11-21']);
    assert.doesNotMatch(result.stdout, /^sms\/policies\//m);
    assert.match(result.stdout, /^Coverage of the whole repository: 9 clauses need attention/m);
    assert.match(result.stdout, /; findings shown for sms\/processes only\n/);
    assert.match(result.stdout, /\(whole repository, not only sms\/processes\): 48 of 57 leaf clauses covered/);
  });

  it('exits 0 with --fail-on never, and 1 with --fail-on info on the same findings', () => {
    assert.equal(clausemark(['check', EXAMPLE, '--no-cache', '--fail-on', 'never']).status, 0);
    assert.equal(clausemark(['check', EXAMPLE, '--no-cache', '--fail-on', 'info']).status, 1);
  });

  it('exits 0 on a repository whose findings are all below --fail-on', () => {
    const folder = tempRepository({
      'clausemark.json': JSON.stringify({
        rules: { 'coverage.uncovered-clause': 'info', 'coverage.missing-records': 'info', 'coverage.missing-document-type': 'info' },
      }),
      'sms/p.md': documentText({ clauses: '\n  - 8.6.1' }),
    });
    try {
      const result = clausemark(['check', '--no-cache', '--today', '2026-11-21'], folder);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.equal(clausemark(['check', '--no-cache', '--today', '2026-11-21', '--fail-on', 'info'], folder).status, 1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes JSON with 1-based ranges and the same counts as the text summary', () => {
    const result = clausemark(['check', EXAMPLE, '--no-cache', '--format', 'json', '--today', '2026-11-21']);
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number; coverage: { covered: number; atRisk: number } };
      findings: { ruleId: string; severity: string; range?: { start: { line: number } } }[];
    };
    assert.equal(report.summary.errors, report.findings.filter((f) => f.severity === 'error').length);
    assert.equal(report.summary.coverage.covered, 48);
    assert.equal(report.summary.coverage.atRisk, 5);
    assert.ok(report.findings.every((f) => f.range === undefined || f.range.start.line >= 1));
  });

  it('gives the same output and exit code in-process and through the binary', async () => {
    const args = ['check', EXAMPLE, '--no-cache', '--format', 'json', '--today', '2026-11-21'];
    const binary = clausemark(args);
    const inProcess = await clausemarkInProcess(args);
    assert.equal(inProcess.status, binary.status);
    assert.equal(inProcess.stdout, binary.stdout);
  });

  it('exits 2 with a message, never a stack trace, for usage mistakes', () => {
    for (const args of [
      ['check', '--format', 'yaml'],
      ['check', '--fail-on', 'sometimes'],
      ['check', '--bogus'],
      ['frobnicate'],
      ['check', '--today', '31/12/2026'],
      ['check', 'no/such/folder'],
    ]) {
      const result = clausemark(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /clausemark/);
      assert.doesNotMatch(result.stderr, NO_STACK);
    }
  });

  it('exits 2 naming the file and line of an invalid config', () => {
    const folder = tempRepository({ 'clausemark.json': '{\n  "catalog": "iso20000-1:2018",\n  "reviewWarningDays": "soon"\n}\n' });
    try {
      const result = clausemark(['check', '--no-cache'], folder);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /clausemark\.json:3:\d+: `reviewWarningDays` must be integer/);
      assert.doesNotMatch(result.stderr, NO_STACK);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps a cache that gives identical results, and leaves none with --no-cache', () => {
    const folder = tempRepository({ 'sms/p.md': documentText({ clauses: '\n  - 8.6.4' }) });
    try {
      const cold = clausemark(['check', '--format', 'json', '--today', '2026-11-21'], folder);
      assert.ok(existsSync(join(folder, '.clausemark-cache', 'documents.json')));
      assert.equal(readFileSync(join(folder, '.clausemark-cache', '.gitignore'), 'utf8'), '*\n');
      const warm = clausemark(['check', '--format', 'json', '--today', '2026-11-21'], folder);
      assert.equal(warm.stdout, cold.stdout);
      rmSync(join(folder, '.clausemark-cache'), { recursive: true });
      clausemark(['check', '--no-cache'], folder);
      assert.equal(existsSync(join(folder, '.clausemark-cache')), false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('ignores a corrupt cache', () => {
    const folder = tempRepository({ 'sms/p.md': documentText({ clauses: '\n  - 8.6.4' }) });
    try {
      const clean = clausemark(['check', '--format', 'json', '--no-cache', '--today', '2026-11-21'], folder);
      mkdirSync(join(folder, '.clausemark-cache'));
      writeFileSync(join(folder, '.clausemark-cache', 'documents.json'), '{"format": tru');
      const result = clausemark(['check', '--format', 'json', '--today', '2026-11-21'], folder);
      assert.equal(result.stdout, clean.stdout);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes --output files and every format', () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-out-'));
    try {
      for (const format of ['text', 'json', 'sarif', 'github', 'markdown', 'junit']) {
        const file = join(folder, `report.${format}`);
        const result = clausemark(['check', EXAMPLE, '--no-cache', '--format', format, '--output', file, '--fail-on', 'never']);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, '');
        assert.ok(readFileSync(file, 'utf8').length > 100, format);
      }
      for (const format of ['markdown', 'json', 'csv', 'html']) {
        const result = clausemark(['coverage', EXAMPLE, '--no-cache', '--format', format]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /8\.6\.1/, format);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('init writes a starter config and never overwrites one', () => {
    const folder = tempRepository({ 'sms/.keep': '' });
    try {
      const first = clausemark(['init'], folder);
      assert.equal(first.status, 0, first.stderr);
      const written = JSON.parse(readFileSync(join(folder, 'clausemark.json'), 'utf8')) as { smsFolders: string[] };
      assert.deepEqual(written.smsFolders, ['sms/**']);
      writeFileSync(join(folder, 'clausemark.json'), '{ "mine": true }');
      const second = clausemark(['init'], folder);
      assert.equal(second.status, 2);
      assert.match(second.stderr, /already exists/);
      assert.equal(readFileSync(join(folder, 'clausemark.json'), 'utf8'), '{ "mine": true }');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lists the rules', () => {
    const result = clausemark(['rules', '--format', 'json']);
    const rules = JSON.parse(result.stdout) as { id: string; docsUrl: string }[];
    assert.ok(rules.some((rule) => rule.id === 'coverage.uncovered-clause' && rule.docsUrl.endsWith('#coverageuncovered-clause')));
  });
});
