import assert from 'node:assert/strict';
import { readSmsDocument } from '../../src/core/document/readSmsDocument.js';
import { FrontmatterFields } from '../../src/core/model/frontmatterFields.js';
import type { FrontmatterField } from '../../src/core/model/smsDocument.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';

const text = '---\nid: POL-1\ntitle: Policy\nowner_name: Ann\napproved_on: 2026-13-40\ncolour: red\n---\n# Policy\n';

function plain(field: FrontmatterField | undefined): unknown {
  return field && { key: field.key, start: field.keyRange.start, end: field.keyRange.end, malformed: field.malformed };
}

describe('frontmatter fields kept compactly', () => {
  const document = readSmsDocument('sms/policy.md', text, { inSmsFolder: true, extraFields: ['colour'] }).document;

  it('reads like a Map of the fields: names in order, key ranges, the malformed mark', () => {
    assert.ok(document);
    const { fields } = document;
    assert.deepEqual([...fields.keys()], ['id', 'title', 'approved_on', 'owner_name', 'colour']);
    assert.equal(fields.size, 5);
    assert.equal(fields.has('colour'), true);
    assert.equal(fields.has('owner'), false);
    assert.equal(fields.get('owner'), undefined);
    assert.deepEqual(plain(fields.get('title')), {
      key: 'title',
      start: { line: 3, column: 1, offset: 14 },
      end: { line: 3, column: 6, offset: 19 },
      malformed: undefined,
    });
    assert.equal(fields.get('approved_on')?.malformed, true, 'a date that is no date is there, but malformed');
    assert.equal('malformed' in fields.get('id')!, false, 'a well-formed field carries no mark at all, as before');
    assert.deepEqual(
      [...fields.values()].map((field) => field.key),
      [...fields.keys()],
    );
    const seen: string[] = [];
    fields.forEach((field, name) => seen.push(`${name}=${field.key}`));
    assert.deepEqual(seen, ['id=id', 'title=title', 'approved_on=approved_on', 'owner_name=owner_name', 'colour=colour']);
  });

  it('keeps a range that is not an offset pair of its file, and tells different fields apart', () => {
    const lines = new LineIndex('a: 1\nb: 2\n');
    const foreign = { start: { line: 9, column: 1, offset: 99 }, end: { line: 9, column: 2, offset: 100 } };
    const fields = new FrontmatterFields(
      [
        ['a', { key: 'a', keyRange: lines.range(0, 1) }],
        ['b', { key: 'b', keyRange: foreign, malformed: true }],
      ],
      lines,
    );
    assert.deepEqual(fields.get('b'), { key: 'b', keyRange: foreign, malformed: true });
    assert.deepEqual(plain(fields.get('a')), {
      key: 'a',
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 2, offset: 1 },
      malformed: undefined,
    });
    const moved = new FrontmatterFields([['a', { key: 'a', keyRange: lines.range(5, 6) }]], lines);
    const same = new FrontmatterFields([['a', { key: 'a', keyRange: lines.range(0, 1) }]], lines);
    const renamed = new FrontmatterFields([['a', { key: 'A', keyRange: lines.range(0, 1) }]], lines);
    assert.notDeepEqual(moved, same);
    assert.notDeepEqual(renamed, same);
    assert.deepEqual(new FrontmatterFields([['a', { key: 'a', keyRange: lines.range(0, 1) }]], lines), same);
  });
});
