import assert from 'node:assert/strict';
import { escapeMarkdown, escapeMarkdownMessage } from '../../src/core/reports/markdownEscape.js';
import { MARKDOWN_REPORT_MARKER, renderMarkdown } from '../../src/core/reports/markdownReport.js';
import type { Finding } from '../../src/core/model/finding.js';
import { acmeInput } from './acme.js';
import { finding, makeInput, range } from './fixtures.js';

/** Table rows (lines starting with `|`) after the findings heading. */
function findingRows(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('### Findings'), markdown.indexOf('### Coverage gaps'));
  return section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Location') && !line.startsWith('| ---'));
}

/** Cells of a table row, splitting on unescaped pipes like GFM does. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('Markdown (pull-request comment) report', () => {
  it('has a marker, heading, summary table, findings and coverage gaps', () => {
    const markdown = renderMarkdown(makeInput());
    assert.ok(markdown.startsWith(`${MARKDOWN_REPORT_MARKER}\n## Clausemark\n`));
    assert.match(
      markdown,
      /\| Errors \| Warnings \| Infos \| Coverage \|\n\| ---: \| ---: \| ---: \| :--- \|\n\| 2 \| 2 \| 1 \| 33\.3% \(1 of 3 leaf clauses; 0 at-risk, 1 partial, 1 uncovered, 1 excluded\) \|/,
    );
    assert.equal(findingRows(markdown).length, 5);
    assert.doesNotMatch(markdown, /<details>/);
    assert.match(markdown, /### Coverage gaps\n\n\| Clause \| Title \| Status \| Why \|/);
    assert.match(markdown, /\| 2\.2 \| Excluded one \| excluded \| excluded: not in scope \|/);
    assert.doesNotMatch(markdown, /\| 1\.1 \| Policy \| covered/);
  });

  it('escapes untrusted text: pipes, HTML, backticks, links and mentions', () => {
    const hostile = finding(
      'trace.unknown-related',
      'error',
      'sms/a|b.md',
      'No document has the id `X|<img src=x onerror=alert(1)>`, see [here](javascript:alert(1)) @org/team `a`b` ![i](http://x/y.png)',
      range(4, 1, 2),
    );
    const markdown = renderMarkdown(makeInput({ findings: [hostile] }));
    const rows = findingRows(markdown);
    assert.equal(rows.length, 1);
    assert.equal(cells(rows[0]!).length, 4, 'pipes do not add cells');
    assert.doesNotMatch(markdown, /<img/);
    assert.doesNotMatch(markdown, /(?<!\\)\]\(/, 'no unescaped link syntax');
    assert.doesNotMatch(markdown, /(?<!\\)`/, 'no unescaped backticks');
    assert.doesNotMatch(markdown, /!\[i\]/);
    assert.doesNotMatch(markdown, /@org/);
    assert.match(markdown, /@&#8203;org/);
    assert.match(markdown, /&lt;img src=x onerror=alert\(1\)&gt;/);
    // Document titles in the coverage table are escaped too.
    assert.match(renderMarkdown(makeInput()), /Uncovered &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.equal(escapeMarkdown('a*b_c`d~e|f\\g'), 'a\\*b\\_c\\`d\\~e\\|f\\\\g');
    assert.equal(escapeMarkdownMessage('use `x|y` here'), 'use <code>x\\|y</code> here');
    assert.equal(escapeMarkdownMessage('odd ` backtick'), 'odd \\` backtick');
  });

  it('folds many findings into <details> and links locations when given a base', () => {
    const many: Finding[] = Array.from({ length: 25 }, (_, i) => finding('clause.unknown', 'error', 'sms/a (1).md', `Finding ${i}`, range(i + 1, 1, 2)));
    const markdown = renderMarkdown(makeInput({ findings: many }), { linkBase: 'https://github.com/o/r/blob/abc' });
    assert.match(markdown, /<details><summary>25 findings<\/summary>\n\n\| Location/);
    assert.equal(findingRows(markdown).length, 25);
    assert.match(markdown, /\| \[sms\/a \(1\)\.md:3\]\(https:\/\/github\.com\/o\/r\/blob\/abc\/sms\/a%20%281%29\.md#L3\) \|/);
    assert.doesNotMatch(renderMarkdown(makeInput({ findings: many }), { linkBase: 'javascript:alert(1)//' }), /javascript/);
  });

  it('stays under the length limit, counting what it leaves out', () => {
    const many: Finding[] = Array.from({ length: 500 }, (_, i) =>
      finding('clause.unknown', 'error', 'a.md', `Finding ${i} ${'x'.repeat(200)}`, range(i + 1, 1, 2)),
    );
    const markdown = renderMarkdown(makeInput({ findings: many }), { maxLength: 20_000 });
    assert.ok(markdown.length <= 20_000, `length ${markdown.length}`);
    const shown = findingRows(markdown).length;
    assert.ok(shown > 10 && shown < 500);
    assert.match(markdown, new RegExp(`…and ${500 - shown} more findings not shown here`));
  });

  it('reports a clean repository', () => {
    const markdown = renderMarkdown(makeInput({ findings: [] }));
    assert.match(markdown, /No problems found in 5 documents \(7 Markdown files\)\./);
    assert.doesNotMatch(markdown, /### Findings/);
  });

  it('renders the example repository', async () => {
    const input = await acmeInput();
    const markdown = renderMarkdown(input);
    assert.equal(findingRows(markdown).length, input.findings.length);
    // More than 20 findings fold into <details> (the default collapseAbove).
    assert.equal(/<details><summary>\d+ findings/.test(markdown), input.findings.length > 20, `${input.findings.length} findings`);
    for (const row of findingRows(markdown)) assert.equal(cells(row).length, 4);
    assert.match(markdown, /\| 7\.6 \| Knowledge \| uncovered \| no document addresses it \|/);
  });
});
