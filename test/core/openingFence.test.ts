import assert from 'node:assert/strict';
import { findFrontmatter } from '../../src/core/document/frontmatterBlock.js';
import { readOutline } from '../../src/core/document/outline.js';
import type { ReadOptions } from '../../src/core/document/readSmsDocument.js';
import { readDocument } from '../support/readDocument.js';
import { completionContextAt } from '../../src/core/language/completion.js';
import { FieldNames } from '../../src/core/document/fieldNames.js';
import type { SourceRange } from '../../src/core/text/sourceRange.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import { markedText, type ExpectedRange } from '../support/markedText.js';
import { describeFinding, indexOf } from '../support/repository.js';

const optional: ReadOptions = { inSmsFolder: true, openingFence: 'optional' };

function span(range: SourceRange | ExpectedRange | undefined): string {
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : 'none';
}

const HEADER = 'id: POL-AC\ntitle: Access policy\ntype: policy\nowner: CISO\nstatus: aproved\nversion: "1.0"\nclauses:\n  - 8.1\n---\n# Purpose\n\nWhy.\n';

describe('frontmatter without an opening fence (`frontmatter.openingFence`)', () => {
  it('is ordinary Markdown by default: the `---` under `key: value` makes a setext heading', () => {
    assert.equal(findFrontmatter(HEADER), undefined);
    const setext = 'name: Access policy\nacronym: POL-AC\n---\n# Purpose\n';
    assert.equal(findFrontmatter(setext), undefined);
    assert.deepEqual(
      readOutline(setext, new LineIndex(setext)).headings.map((heading) => [heading.text, heading.depth]),
      [
        ['name: Access policy\nacronym: POL-AC', 2],
        ['Purpose', 1],
      ],
    );
    const elsewhere = readDocument('docs/a.md', HEADER, { inSmsFolder: false });
    assert.equal(elsewhere.isSmsDocument, false);
    assert.deepEqual(
      readDocument('sms/a.md', HEADER, { inSmsFolder: true }).findings.map((finding) => finding.ruleId),
      ['frontmatter.missing'],
    );
  });

  it('with `optional`, reads the header from line 1 to the first `---` line, with exact positions', () => {
    const { text, ranges } = markedText(
      'id: «POL-AC»\ntitle: Access policy\ntype: policy\nowner: CISO\nstatus: «aproved»\nversion: "1.0"\nclauses:\n  - «8.1»\n---\n«# Purpose»\n\nWhy.\n',
    );
    const result = readDocument('sms/a.md', text, optional);
    const document = result.document;
    assert.ok(document);
    assert.equal(span(document.id?.range), span(ranges[0]));
    assert.deepEqual(
      result.findings.map((finding) => `${finding.ruleId} ${span(finding.range)}`),
      [`frontmatter.invalid-field ${span(ranges[1])}`],
    );
    assert.equal(span(document.clauses[0]?.range), span(ranges[2]));
    // The header is not Markdown: its closing `---` underlines nothing, and the body's heading keeps its line.
    assert.deepEqual(
      document.headings.map((heading) => [heading.text, span(heading.range)]),
      [['Purpose', span(ranges[3])]],
    );
    assert.equal(document.frontmatterRange.start.line, 1);
    assert.equal(document.frontmatterRange.end.line, 9);
  });

  it('keeps positions in a CRLF file', () => {
    const { text, ranges } = markedText('id: POL-AC\r\ntitle: Access policy\r\ntype: «polcy»\r\n---\r\n\r\n## «Scope»\r\n');
    const result = readDocument('sms/a.md', text, optional);
    assert.deepEqual(
      result.findings.filter((finding) => finding.ruleId === 'frontmatter.invalid-field').map((finding) => span(finding.range)),
      [span(ranges[0])],
    );
    assert.equal(result.document?.headings[0]?.slug, 'scope');
  });

  it('still reads a header that does open with `---`', () => {
    const result = readDocument('sms/a.md', `---\n${HEADER}`, optional);
    assert.equal(result.document?.id?.value, 'POL-AC');
    assert.equal(result.document?.clauses[0]?.range.start.line, 9);
  });

  it('is no header without a closing `---`, or when line 1 is not a `key:`', () => {
    for (const text of [
      'id: POL-AC\ntitle: A\ntype: policy\n\n# Body\n',
      '# Title\n\nSome text\n\n---\n\nMore\n',
      'Note: this is prose.\nIt goes on\n',
      '- id: x\n---\n',
      '',
      '\n---\n',
    ]) {
      assert.equal(findFrontmatter(text, 'optional'), undefined, JSON.stringify(text));
      assert.equal(readDocument('docs/a.md', text, { ...optional, inSmsFolder: false }).isSmsDocument, false, JSON.stringify(text));
    }
    assert.deepEqual(
      readDocument('sms/a.md', 'id: POL-AC\ntitle: A\n', optional).findings.map((finding) => finding.ruleId),
      ['frontmatter.missing'],
    );
  });

  it('reads hostile headers without crashing or stalling: binary, huge, unclosed', () => {
    const binary = `id: ${String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 37) % 256))}\n---\n`;
    const read = readDocument('sms/bin.md', binary, optional);
    assert.ok(
      read.findings.length > 0 && read.findings.every((finding) => finding.ruleId.startsWith('frontmatter.')),
      read.findings.map((finding) => finding.ruleId).join(),
    );

    const huge = `id: POL-BIG\n${'note: x\n'.repeat(20_000)}---\n# Body\n`;
    let started = performance.now();
    const big = readDocument('sms/big.md', huge, optional);
    assert.deepEqual(
      big.findings.map((finding) => `${finding.ruleId} ${span(finding.range)}`),
      ['frontmatter.too-large 1:1-1:12'],
    );
    assert.ok(performance.now() - started < 2000);

    const unclosed = `id: POL-BIG\n${'note: x\n'.repeat(500_000)}`;
    started = performance.now();
    assert.equal(findFrontmatter(unclosed, 'optional'), undefined);
    assert.deepEqual(
      readDocument('sms/big.md', unclosed, optional).findings.map((finding) => finding.ruleId),
      ['frontmatter.missing'],
    );
    assert.ok(performance.now() - started < 2000, 'the scan for a closing line is linear');
  });

  it('completes in a header without an opening fence, and not in the body', () => {
    const format = { fieldNames: FieldNames.DEFAULT, openingFence: 'optional' as const };
    const text = 'id: A\nclauses: [8.\n---\nclauses: [8.\n';
    assert.equal(completionContextAt(text, new LineIndex(text), text.indexOf('8.') + 2, format)?.kind, 'clause');
    assert.equal(completionContextAt(text, new LineIndex(text), text.lastIndexOf('8.') + 2, format), undefined);
    assert.equal(completionContextAt(text, new LineIndex(text), text.indexOf('8.') + 2), undefined, 'off by default');
  });

  it('is read in a repository whose clausemark.json asks for it, with findings at their lines', async () => {
    const config = JSON.stringify({ frontmatter: { openingFence: 'optional' } });
    const { index } = await indexOf({ 'clausemark.json': config, 'sms/a.md': HEADER, 'README.md': 'Title: notes\n---\n' });
    assert.deepEqual(index.findingsFor('sms/a.md').map(describeFinding), ['sms/a.md:5:9-5:16 frontmatter.invalid-field']);
    assert.equal(index.documentAt('sms/a.md')?.id?.value, 'POL-AC');
    assert.deepEqual(index.findingsFor('README.md'), [], 'other frontmatter is left alone');
  });
});
