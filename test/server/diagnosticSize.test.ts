import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/model/finding.js';
import { listSome } from '../../src/core/text/listSome.js';
import { findingOf, MAX_RELATED, toDiagnostic } from '../../src/server/wireRange.js';
import { indexOf, documentText } from '../support/repository.js';

describe('findings at scale, in messages and diagnostics', () => {
  it('names the first ten items of a list in a message, then how many more', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `DOC-${i + 1}`);
    assert.equal(listSome(ids.slice(0, 10)), ids.slice(0, 10).join(', '));
    assert.equal(listSome(ids), `${ids.slice(0, 10).join(', ')} and 2 more`);
  });

  it('sends an editor the first related places and a count of the rest, and quick fixes still read the finding', () => {
    const related = Array.from({ length: MAX_RELATED + 7 }, (_, i) => ({ file: `sms/doc-${i}.md`, message: `claimed by DOC-${i}` }));
    const finding: Finding = {
      ruleId: 'coverage.missing-document-type',
      severity: 'warning',
      message: 'a message',
      file: 'clausemark.json',
      related,
      data: { clause: '5.2.1' },
    };
    const diagnostic = toDiagnostic(finding, (path) => `file:///repo/${path}`);
    const sent = diagnostic.relatedInformation ?? [];
    assert.equal(sent.length, MAX_RELATED + 1);
    assert.equal(sent[MAX_RELATED - 1]?.message, `claimed by DOC-${MAX_RELATED - 1}`);
    assert.deepEqual(sent[MAX_RELATED], {
      location: { uri: 'file:///repo/clausemark.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      message: 'and 7 more places (`clausemark check --format json` lists them all)',
    });
    const { related: _related, ...rest } = finding;
    assert.deepEqual(findingOf(diagnostic), rest);
  });

  it('an auditor who owns many documents in scope: the message names ten, the related places all of them', async () => {
    const owned = Array.from(
      { length: 14 },
      (_, i) =>
        [
          `sms/pol-${i}.md`,
          documentText({ id: `POL-${String(i).padStart(2, '0')}`, title: `Policy ${i}`, type: 'policy', owner: 'Auditor', clauses: '\n  - 8.6.1' }),
        ] as const,
    );
    const audit = documentText({
      id: 'AUD-1',
      title: 'Internal audit',
      type: 'audit',
      owner: 'Audit Lead',
      version: undefined,
      next_review: undefined,
      clauses: '[]',
      date: '2026-05-14',
      audit: '\n  kind: internal\n  auditor: Auditor\n  scope: [8.6]',
    });
    const { index } = await indexOf({ 'clausemark.json': '{}', ...Object.fromEntries(owned), 'sms/audit.md': audit });
    const finding = index.allFindings().find((candidate) => candidate.ruleId === 'audit.auditor-not-independent');
    assert.ok(
      finding,
      index
        .allFindings()
        .map((f) => f.ruleId)
        .join(', '),
    );
    assert.match(finding.message, /they own (POL-\d\d \(8\.6\.1\), ){9}POL-\d\d \(8\.6\.1\) and 4 more, in this audit's scope/);
    assert.equal(finding.related?.length, 14);
  });
});
