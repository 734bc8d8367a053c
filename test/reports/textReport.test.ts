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
    const headers = ['. (repository)', 'sms/policies/policy one.md', 'sms/processes/ops.md'].map((header) => lines.indexOf(header));
    assert.ok(headers.every((index) => index >= 0), `headers present: ${headers.join(',')}`);
    assert.deepEqual([...headers].sort((a, b) => a - b), headers);
    const ops = headers[2]!;
    assert.equal(lines[ops + 1], 'sms/processes/ops.md:10:14  error    control.review-overdue  The review was due on 2026-08-31 (82 days ago).');
    assert.equal(lines[ops + 2], 'sms/processes/ops.md:11:1  info     frontmatter.unknown-field  `reviewers` is not a Clausemark field.');
  });

  it('prints a repository-level finding without a range as the file alone, and related locations indented', () => {
    const text = renderText(makeInput(), { color: false });
    assert.match(text, /^\.  warning  coverage\.uncovered-clause  2\.1 Uncovered/m);
    assert.match(text, /^sms\/policies\/policy one\.md:2:5  error    trace\.duplicate-id .*\n {2}↳ sms\/other\.md:2:5 first defined here$/m);
  });

  it('ends with totals and coverage', () => {
    const lines = renderText(makeInput(), { color: false }).trimEnd().split('\n');
    assert.equal(lines.at(-3), '');
    assert.equal(lines.at(-2), '2 errors, 2 warnings, 1 info in 5 documents (7 Markdown files)');
    assert.equal(lines.at(-1), 'Coverage of Mini <standard> & "friends": 1 of 3 leaf clauses covered (33.3%), 1 partial, 1 uncovered, 1 excluded');
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
    assert.match(text, /^sms\/processes\/supplier-management\.md:10:14  error    control\.review-overdue  The review was due on 2026-08-31 \(82 days ago\)\.$/m);
    assert.match(text, /^6 errors, 9 warnings, 2 infos in 40 documents \(43 Markdown files\)$/m);
    assert.match(text, /: 53 of 57 leaf clauses covered \(93%\), 2 partial, 2 uncovered\n$/);
  });
});
