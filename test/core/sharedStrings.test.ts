import assert from 'node:assert/strict';
import { detached } from '../../src/core/text/detached.js';
import { sharedString } from '../../src/core/text/sharedStrings.js';

describe('detached and shared strings', () => {
  it('copies every character exactly, Latin-1 or not (astral characters and lone surrogates too)', () => {
    for (const text of ['', 'approved', 'Ünïcödé ÿ\u00a0\0', 'Owner: 王小明 ✓', 'emoji 😀 and a lone \ud800 surrogate', 'x'.repeat(5000)]) {
      assert.equal(detached(text), text);
      assert.equal(sharedString(text), text);
    }
  });

  it('returns a short value read many times, and a long one, unchanged', () => {
    const source = 'owner: Head of Service Operations\nstatus: approved\n';
    for (let read = 0; read < 3; read++) assert.equal(sharedString(source.slice(7, 33)), 'Head of Service Operations');
    assert.equal(sharedString(`${'Head of Service'} ${'Operations'}`), 'Head of Service Operations');
    const long = 'a'.repeat(41);
    assert.equal(sharedString(long), long);
  });
});
