import assert from 'node:assert/strict';
import { columnWidth, day } from '../../src/core/reports/workbookRows.js';

describe('workbook rows', () => {
  it('makes a date cell only of a real calendar day; anything else written in a date field stays text', () => {
    assert.deepEqual(day('2026-02-28'), { date: '2026-02-28' });
    assert.equal(day('2026-02-30'), '2026-02-30');
    assert.equal(day('next spring'), 'next spring');
    assert.equal(day('2026-03-01T10:00:00Z'), '2026-03-01T10:00:00Z', 'a timestamp is not silently cut to its day');
    assert.equal(day(undefined), null);
    assert.equal(day(''), null);
  });

  it('sizes a column to its longest line, within 8 and 60 characters', () => {
    const sheet = {
      name: 'S',
      headers: ['Id', 'Text', 'When'],
      rows: [
        ['A', `short\n${'x'.repeat(30)}`, { date: '2026-01-01' }],
        ['B', 'y'.repeat(500), null],
      ],
    };
    assert.equal(columnWidth(sheet, 0), 8);
    assert.equal(columnWidth(sheet, 1), 60);
    assert.equal(columnWidth(sheet, 2), 12);
    assert.equal(columnWidth({ ...sheet, rows: [sheet.rows[0]!] }, 1), 32, 'the longest line, not the whole multi-line text');
  });
});
