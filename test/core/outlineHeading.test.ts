import assert from 'node:assert/strict';
import { readOutline } from '../../src/core/document/outline.js';
import { OutlineHeading } from '../../src/core/model/outlineHeading.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';

describe('outline headings kept as text, depth and offsets', () => {
  const text = '# Scope\n\n## Scope\n\n## Scope 1\n\n## Scope\n';
  const lines = new LineIndex(text);
  const { headings } = readOutline(text, lines);

  it('numbers repeated slugs in order, as GitHub does, and keeps only those', () => {
    assert.deepEqual(
      headings.map((heading) => heading.slug),
      ['scope', 'scope-1', 'scope-1-1', 'scope-2'],
    );
    assert.deepEqual(
      headings.map((heading) => (heading as OutlineHeading).repeatedSlug),
      [undefined, 'scope-1', 'scope-1-1', 'scope-2'],
    );
    assert.deepEqual(
      headings.map((heading) => [heading.range.start.line, heading.range.start.column, heading.range.end.column]),
      [
        [1, 1, 8],
        [3, 1, 9],
        [5, 1, 11],
        [7, 1, 9],
      ],
    );
  });

  it('is written to JSON, and read back from a plain heading, as any heading', () => {
    const first = headings[0]!;
    assert.equal(JSON.stringify(first), JSON.stringify({ text: 'Scope', slug: 'scope', depth: 1, range: { start: first.range.start, end: first.range.end } }));
    const plain = { text: 'Scope', slug: 'scope-2', depth: 2, range: lines.range(text.lastIndexOf('## Scope'), text.length - 1) };
    assert.deepEqual(OutlineHeading.of(plain, lines), headings[3]);
    assert.notDeepEqual(OutlineHeading.of({ ...plain, slug: 'scope-3' }, lines), headings[3]);
  });
});
