import assert from 'node:assert/strict';
import { renderText } from '../../src/core/reports/textReport.js';
import { acmeInput } from './acme.js';
import { ANSI, finding, makeInput, range } from './fixtures.js';

describe('text report', () => {
  it('has no ANSI codes without colour and has them with colour', () => {
    const plain = renderText(makeInput(), { color: false });
    const coloured = renderText(makeInput(), { color: true });
    assert.doesNotMatch(plain, ANSI);
    assert.match(coloured, /\u001b\[31merror/);
    assert.match(coloured, /\u001b\[33mwarning/);
    assert.match(coloured, /\u001b\[36minfo/);
    assert.match(coloured, /\u001b\[2mcontrol\.review-overdue\u001b\[22m/);
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), plain);
  });

  it('groups findings by file under a header line, in order', () => {
    const lines = renderText(makeInput(), { color: false }).split('\n');
    const headers = ['sms/policies/policy one.md', 'sms/processes/ops.md', 'Coverage: 1 clause needs attention'].map((header) => lines.indexOf(header));
    assert.ok(
      headers.every((index) => index >= 0),
      `headers present: ${headers.join(',')}`,
    );
    assert.deepEqual(
      [...headers].sort((a, b) => a - b),
      headers,
    );
    const ops = headers[1]!;
    assert.equal(lines[ops + 1], 'sms/processes/ops.md:10:14  error    control.review-overdue  The review was due on 2026-08-31 (82 days ago).');
    assert.equal(lines[ops + 2], 'sms/processes/ops.md:11:1  info     frontmatter.unknown-field  `reviewers` is not a Clausemark field.');
  });

  it('prints clause findings in one block after the files, and related locations indented', () => {
    const text = renderText(makeInput(), { color: false });
    assert.match(text, /^Coverage: 1 clause needs attention\n {2}warning  coverage\.uncovered-clause  2\.1 Uncovered/m);
    assert.doesNotMatch(text, /^\. \(repository\)$/m, 'no file header for the repository when only clause findings are about it');
    assert.match(text, /^sms\/policies\/policy one\.md:2:5  error    trace\.duplicate-id .*\n {2}↳ sms\/other\.md:2:5 first defined here$/m);
  });

  it('ends with totals and coverage', () => {
    const lines = renderText(makeInput(), { color: false }).trimEnd().split('\n');
    assert.equal(lines.at(-3), '');
    assert.equal(lines.at(-2), '2 errors, 2 warnings, 1 info in 5 documents (7 Markdown files)');
    assert.equal(lines.at(-1), 'Coverage of Mini <standard> & "friends": 1 of 3 leaf clauses covered (33.3%), 0 at-risk, 1 partial, 1 uncovered, 1 excluded');
  });

  it('says so when there is nothing to report, still with coverage', () => {
    const text = renderText(makeInput({ findings: [] }), { color: false });
    assert.match(text, /^No problems found in 5 documents \(7 Markdown files\)\.$/m);
    assert.match(text, /^Coverage of .*: 1 of 3 leaf clauses covered/m);
  });

  it('neutralises terminal escapes from document text', () => {
    const hostile = finding('trace.unknown-related', 'error', 'a.md', 'No document has the id `\u001b[2J\u001b]0;pwned\u0007`.', range(1, 1, 2));
    const text = renderText(makeInput({ findings: [hostile] }), { color: false });
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assert.match(text, /\\x1b\[2J/);
  });

  it('renders the example repository', async () => {
    const input = await acmeInput();
    const text = renderText(input, { color: false });
    assert.match(
      text,
      /^sms\/processes\/supplier-management\.md:10:14  error    control\.review-overdue  The review was due on 2026-08-31 \(82 days ago\)\.$/m,
    );
    assert.match(text, /^7 errors, 20 warnings, 2 infos in 43 documents \(46 Markdown files\)$/m);
    assert.match(text, /: 48 of 57 leaf clauses covered \(84\.2%\), 5 at-risk, 2 partial, 2 uncovered\n$/);
  });

  it("puts per-file findings first, then one coverage block in the standard's clause order", async () => {
    const text = renderText(await acmeInput(), { color: false });
    const block = text.slice(text.indexOf('Coverage: 9 clauses need attention (clausemark.json:3:3)\n'));
    assert.ok(text.indexOf('sms/processes/supplier-management.md') < text.indexOf('Coverage: 9 clauses'), 'files before coverage');
    assert.doesNotMatch(text, /^clausemark\.json:3:3/m, 'no repository-level lines of their own');
    const clauses = [...block.matchAll(/^ {2}warning {2}coverage\.[a-z-]+ +(\d+(?:\.\d+)*) /gm)].map((match) => match[1]);
    assert.deepEqual(clauses, ['7.6', '8.2.5', '8.3.2', '8.3.4.1', '8.3.4.2', '8.4.2', '8.5.3', '8.6.3', '8.7.2']);
  });

  it('orders clauses numerically (4.1 before 10.1) and says whose coverage it is when paths were given', () => {
    const clauseFinding = (clause: string): ReturnType<typeof finding> =>
      finding('coverage.uncovered-clause', 'warning', '.', `${clause} X: no document addresses this clause.`, undefined, { data: { clause } });
    const text = renderText(
      makeInput({ findings: [clauseFinding('10.1'), clauseFinding('4.1'), clauseFinding('8.10'), clauseFinding('8.2')], paths: ['sms/processes'] }),
      { color: false },
    );
    assert.deepEqual(
      [...text.matchAll(/uncovered-clause {2}([\d.]+) /g)].map((match) => match[1]),
      ['4.1', '8.2', '8.10', '10.1'],
    );
    assert.match(text, /^Coverage of the whole repository: 4 clauses need attention$/m);
    assert.match(text, /; findings shown for sms\/processes only$/m);
    assert.match(text, /^Coverage of Mini <standard> & "friends" \(whole repository, not only sms\/processes\): 1 of 3/m);
  });
});
