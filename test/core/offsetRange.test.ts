import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lineIndex.js';

describe('ranges kept as offsets', () => {
  const lines = new LineIndex('ab\r\ncd\nef');

  it('give positions, clamped to the text, as a position object would', () => {
    const range = lines.range(4, 8);
    assert.deepEqual(range.start, { line: 2, column: 1, offset: 4 });
    assert.deepEqual(range.end, { line: 3, column: 2, offset: 8 });
    assert.deepEqual(lines.range(5, 99).end, { line: 3, column: 3, offset: 9 });
    assert.deepEqual(lines.range(6, 2).end, lines.range(6, 6).start, 'an end before the start is the start');
  });

  it('serialise to JSON as start and end positions', () => {
    assert.equal(JSON.stringify(lines.lineRange(1)), '{"start":{"line":1,"column":1,"offset":0},"end":{"line":1,"column":3,"offset":2}}');
  });

  it('compare equal under deepEqual only when their offsets are equal', () => {
    assert.deepEqual(lines.range(1, 3), lines.range(1, 3));
    assert.throws(() => assert.deepEqual(lines.range(1, 3), lines.range(1, 4)));
    assert.throws(() => assert.deepEqual(lines.range(0, 3), lines.range(1, 3)));
  });
});
