import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readDocument } from '../support/readDocument.js';
import type { Finding } from '../../src/core/model/finding.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import type { SourcePosition, SourceRange } from '../../src/core/text/sourceRange.js';
import { indexOf } from '../support/repository.js';

/** Scalars that stress YAML: indicators, quotes, aliases, tags, odd numbers and dates, control characters. */
const yamlScalar = fc.oneof(
  fc.constantFrom(
    'PRC-INC',
    '8.6.1',
    '8.10',
    '2.10',
    '2026-02-30',
    '2026-3-2',
    '2026-03-02T10:00:00Z',
    'approved',
    'Approved',
    'draft',
    'policy',
    '',
    '~',
    'null',
    'yes',
    '0x1F',
    '.inf',
  ),
  fc.constantFrom(
    '"quoted',
    "'single",
    '[a, b',
    '{a: 1}',
    '*alias',
    '&anchor x',
    '!tag x',
    '!!binary AAAA',
    '|',
    '>',
    '- x',
    '? x',
    ': x',
    '# comment',
    '%YAML 1.2',
    '---',
    '...',
    '@at',
    '`tick`',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const fieldName = fc.oneof(
  fc.constantFrom(
    'id',
    'title',
    'type',
    'owner',
    'status',
    'version',
    'approved_by',
    'approved_on',
    'next_review',
    'date',
    'clauses',
    'evidence',
    'related',
    '__proto__',
    'constructor',
    'prototype',
    'path',
    'url',
  ),
  fc.string({ minLength: 1, maxLength: 8 }),
);

const indentation = fc.constantFrom('', ' ', '  ', '    ', '\t');
const yamlLine = fc.oneof(
  fc.tuple(indentation, fieldName, yamlScalar).map(([indent, key, value]) => `${indent}${key}: ${value}`),
  fc.tuple(indentation, yamlScalar).map(([indent, value]) => `${indent}- ${value}`),
  fc.tuple(indentation, yamlScalar).map(([indent, value]) => `${indent}  clause: ${value}`),
  fc.tuple(indentation, yamlScalar).map(([indent, value]) => `${indent}- path: ${value}`),
  yamlScalar,
);

const markdownLine = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.string({ maxLength: 20 })).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.constantFrom(
    '```mermaid',
    '```',
    '~~~',
    '---',
    '===',
    '> quote',
    '- item',
    '  - nested',
    '1. one',
    '<div>',
    '<!--',
    '-->',
    '| a | b |',
    '[link](x)',
    '![img](y)',
    '    code',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

function joinLines(lines: string[], breaks: string[]): string {
  return lines.map((line, index) => line + (breaks[index % breaks.length] ?? '\n')).join('');
}

/** A Markdown file: maybe a BOM-less frontmatter block (maybe unclosed, maybe a second one), then a body. */
const markdownFile = fc
  .record({
    opening: fc.constantFrom('---', '---yaml', '--- ', '---json', ''),
    yaml: fc.array(yamlLine, { maxLength: 12 }),
    closing: fc.constantFrom('---', '--- ', '...', ''),
    body: fc.array(markdownLine, { maxLength: 12 }),
    breaks: fc.array(lineBreak, { minLength: 1, maxLength: 4 }),
  })
  .map(({ opening, yaml, closing, body, breaks }) => joinLines([opening, ...yaml, closing, ...body], breaks));

/** Every position must be the one LineIndex gives for its offset, and every range must lie inside the text. */
function assertInside(text: string, range: SourceRange | undefined, what: string): void {
  if (!range) return;
  const lines = new LineIndex(text);
  const check = (position: SourcePosition, label: string): void => {
    assert.ok(position.offset >= 0 && position.offset <= text.length, `${what} ${label} offset ${position.offset} outside 0..${text.length}`);
    const expected = lines.positionAt(position.offset);
    assert.deepEqual({ line: position.line, column: position.column }, { line: expected.line, column: expected.column }, `${what} ${label} line/column`);
  };
  check(range.start, 'start');
  check(range.end, 'end');
  assert.ok(range.start.offset <= range.end.offset, `${what} starts after it ends`);
}

function assertFindingsInside(text: string, findings: readonly Finding[]): void {
  for (const finding of findings) {
    assertInside(text, finding.range, finding.ruleId);
    for (const related of finding.related ?? []) if (related.file === finding.file) assertInside(text, related.range, `${finding.ruleId} related`);
  }
}

describe('properties: generated documents', function () {
  this.timeout(120_000);

  it('readSmsDocument never throws, and every range it reports lies inside the file with consistent line/column', () => {
    fc.assert(
      fc.property(markdownFile, fc.boolean(), (text, inSmsFolder) => {
        const result = readDocument('sms/generated.md', text, { inSmsFolder });
        assertFindingsInside(text, result.findings);
        const document = result.document;
        if (!document) return;
        assertInside(text, document.frontmatterRange, 'frontmatter');
        for (const field of document.fields.values()) {
          assertInside(text, field.keyRange, `key ${field.key}`);
        }
        for (const claim of document.clauses) assertInside(text, claim.itemRange, 'claim');
        for (const link of document.evidence) assertInside(text, link.itemRange, 'evidence');
        for (const heading of document.headings) assertInside(text, heading.range, 'heading');
        for (const diagram of document.diagrams) assertInside(text, diagram.range, 'diagram');
      }),
      { numRuns: 1500 },
    );
  });

  it('a whole-index check over generated repositories never throws, no check fails (no internal.rule-failed), and every finding lies inside its file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('sms/', 'docs/', ''), markdownFile), { minLength: 1, maxLength: 6 }), async (files) => {
        const contents: Record<string, string> = {};
        files.forEach(([folder, text], index) => (contents[`${folder}f${index}.md`] = text));
        const { index } = await indexOf(contents);
        const findings = index.allFindings();
        index.coverage();
        // A check that throws is caught and becomes internal.rule-failed: "never throws" means no such finding either.
        assert.deepEqual(
          findings.filter((finding) => finding.ruleId === 'internal.rule-failed').map((finding) => `${finding.file}: ${finding.message}`),
          [],
        );
        for (const [path, text] of Object.entries(contents)) {
          assertFindingsInside(
            text,
            findings.filter((finding) => finding.file === path),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
