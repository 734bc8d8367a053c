import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOutline, readOutlineWithRemark } from '../../src/core/document/outline.js';
import { scanOutline } from '../../src/core/document/scanOutline.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The fast outline must equal remark's, field by field, range by range. */
function assertSameOutline(text: string, label: string): void {
  const lines = new LineIndex(text);
  assert.deepEqual(readOutline(text, lines), readOutlineWithRemark(text, lines), `${label}:\n${text}`);
}

/** mulberry32: the same adversarial documents on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Lines that change how the lines around them read: every kind of heading, fence, container and break.
const TRICKY_LINES = [
  '',
  '',
  '',
  'Plain paragraph text.',
  'More text with *emphasis* and `code`.',
  '# Heading one',
  '## Heading two ##',
  '### Heading # with hash',
  '#NoSpace',
  '####### seven',
  '# ',
  '#',
  '  ## Indented heading',
  '    # indented code',
  '\t# tab heading',
  '#\ttab after',
  '# Heading with `code` and *stars*',
  '# Entity &amp; more',
  '# Escaped \\# end',
  '# Trailing # #',
  '# Link [text](https://example.com)',
  '# Ref [label]',
  '[label]: https://example.com',
  '# *Ends with* #',
  '# Unicode Überschrift — ö',
  '# snake_case_name',
  '# <b>html</b> heading',
  '# a  double  space',
  '# trailing spaces   ',
  '```mermaid',
  '```',
  '~~~',
  '~~~mermaid',
  '````',
  '```Mermaid extra',
  '```js',
  '``` `bad`',
  '  ```mermaid',
  'flowchart TD',
  '  A --> B',
  '```   ',
  '---',
  '===',
  '***',
  '- - -',
  '- item',
  '- # heading in item',
  '  continued item',
  '  ```mermaid',
  '1. ordered',
  '1) ordered',
  '> quote',
  '> # quoted heading',
  '>## tight quote',
  '> ```mermaid',
  '<!-- comment -->',
  '<!-- open comment',
  'closing -->',
  '<div>',
  '</div>',
  '<!-->',
  '| a | b |',
  '|---|---|',
  '* star item',
  '+ plus item',
  '   ---',
  '    ---',
  '- foo',
  '  ---',
  '\u00a0',
  'text\\',
  '&nbsp;',
];

describe('the outline scanner', () => {
  it('gives the same headings, slugs, ranges and diagrams as remark for every example document, and reads most of them itself', () => {
    const files = markdownFiles(join(projectRoot, 'examples'));
    assert.ok(files.length > 20, 'the example repository is there');
    let scanned = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assertSameOutline(text, file);
      if (scanOutline(text)) scanned++;
    }
    assert.ok(scanned >= files.length * 0.9, `the scanner read ${scanned} of ${files.length} example files`);
  });

  it('agrees with remark on thousands of adversarial documents built from tricky lines', () => {
    const random = seeded(42);
    let scanned = 0;
    const documents = 2500;
    for (let n = 0; n < documents; n++) {
      const count = 1 + Math.floor(random() * 14);
      const lines = Array.from({ length: count }, () => TRICKY_LINES[Math.floor(random() * TRICKY_LINES.length)] ?? '');
      const frontmatter = random() < 0.5 ? '---\nid: X\ntitle: T\n---\n' : '';
      const text = frontmatter + lines.join('\n') + (random() < 0.8 ? '\n' : '');
      assertSameOutline(text, `document ${n}`);
      if (scanOutline(text)) scanned++;
    }
    // The comparison only means something if the scanner answered for many of them itself.
    assert.ok(scanned > documents / 10, `the scanner read ${scanned} of ${documents} documents`);
  });

  it('reads headings with closing sequences, inline Markdown and diagrams with their exact ranges', () => {
    const text = '---\nid: A\n---\n# Title ##\n\n## *Roles* and `code`\n\n```mermaid\nflowchart TD\n  A --> B\n```  \n\n### Steps # 1\n';
    const outline = readOutline(text, new LineIndex(text));
    assert.ok(scanOutline(text), 'the scanner is sure of this document');
    assertSameOutline(text, 'the sample');
    assert.deepEqual(
      outline.headings.map((heading) => [heading.text, heading.slug, heading.depth, heading.range.start.offset, heading.range.end.offset]),
      [
        ['Title', 'title', 1, 14, 24],
        ['Roles and code', 'roles-and-code', 2, 26, 47],
        ['Steps # 1', 'steps--1', 3, 90, 103],
      ],
    );
    assert.deepEqual(
      outline.diagrams.map((diagram) => [diagram.language, diagram.source, diagram.range.start.offset, diagram.range.end.offset]),
      [['mermaid', 'flowchart TD\n  A --> B', 49, 88]],
    );
  });

  it('hands documents it cannot be sure of to remark', () => {
    for (const text of [
      'Title\n=====\n',
      '- # In a list\n',
      '> # Quoted\n',
      '<div>\n# Inside HTML\n</div>\n',
      '```mermaid\nnever closed\n',
      '# Ref [label]\n\n[label]: /x\n',
      'a\r\n# b\r\n',
    ]) {
      assert.equal(scanOutline(text), undefined, JSON.stringify(text));
      assertSameOutline(text, JSON.stringify(text));
    }
  });
});
