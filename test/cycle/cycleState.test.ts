import assert from 'node:assert/strict';
import { nonconformityHover } from '../../src/core/language/hover.js';
import { targetAt } from '../../src/core/language/locate.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import { documentText, indexOf } from '../support/repository.js';

// Today in these tests is 2026-11-21 (test/support/repository.ts).
const CONFIG = JSON.stringify({
  certification: {
    certifiedOn: '2025-03-10',
    audits: [
      { kind: 'surveillance', date: '2026-03-09' },
      { kind: 'surveillance', date: '2027-03-08' },
      { kind: 'recertification', date: '2028-01-15' },
    ],
    managementReviewMonths: 12,
  },
});

function audit(id: string, date: string, block: string, findings?: string): string {
  return documentText({
    id,
    title: id,
    type: 'audit',
    owner: 'Audit Lead',
    version: undefined,
    next_review: undefined,
    date,
    clauses: '[]',
    audit: block,
    findings,
  });
}

const FILES = {
  'clausemark.json': CONFIG,
  'sms/inc.md': documentText(),
  'sms/aud-1.md': audit('AUD-1', '2025-10-01', '\n  kind: internal\n  auditor: Jane Roe\n  scope: [8.6, 9.2]'),
  'sms/aud-2.md': audit(
    'AUD-2',
    '2026-05-14',
    '\n  kind: internal\n  auditor: Jane Roe\n  scope: [8.6.1]',
    '\n  - id: NC-1\n    clause: 8.6.1\n    grade: minor\n    due: 2026-07-31\n    status: open\n  - id: NC-2\n    grade: major\n    due: 2026-12-31\n    status: closed\n    closed_on: 2026-10-01\n    action: PRC-INC',
  ),
  'sms/sur.md': audit('AUD-S1', '2026-03-10', '\n  kind: surveillance\n  auditor: Cert Body\n  scope: [8]'),
  'sms/future.md': audit('AUD-F', '2026-12-01', '\n  kind: internal\n  auditor: Jane Roe\n  scope: [4]'),
  'sms/mr.md': documentText({
    id: 'MR-1',
    title: 'Management review',
    type: 'management-review',
    version: undefined,
    next_review: undefined,
    date: '2026-02-01',
    clauses: '[]',
  }),
};

describe('the certification cycle state', () => {
  it("knows the audits held, the planned ones, each clause's last internal audit, the nonconformities and the management review", async () => {
    const { index } = await indexOf(FILES);
    const cycle = index.cycle();
    assert.deepEqual(
      cycle.audits.map((held) => [held.documentId, held.kind, held.date]),
      [
        ['AUD-1', 'internal', '2025-10-01'],
        ['AUD-S1', 'surveillance', '2026-03-10'],
        ['AUD-2', 'internal', '2026-05-14'],
      ],
    );
    assert.deepEqual(
      cycle.planned.map((planned) => [planned.kind, planned.date, planned.state, planned.heldBy?.documentId]),
      [
        ['surveillance', '2026-03-09', 'held', 'AUD-S1'],
        ['surveillance', '2027-03-08', 'upcoming', undefined],
        ['recertification', '2028-01-15', 'upcoming', undefined],
      ],
    );
    assert.equal(cycle.nextAudit?.date, '2027-03-08');
    const byClause = new Map(cycle.clauses.map((clause) => [clause.clause, clause]));
    assert.deepEqual(byClause.get('8.6.1'), { clause: '8.6.1', current: true, lastAudited: { date: '2026-05-14', documentId: 'AUD-2' } });
    assert.deepEqual(byClause.get('8.6.2'), { clause: '8.6.2', current: false, lastAudited: { date: '2025-10-01', documentId: 'AUD-1' } });
    assert.deepEqual(byClause.get('4.1'), { clause: '4.1', current: false });
    assert.equal(cycle.clauses.length, 57);
    assert.deepEqual(
      cycle.nonconformities.map((nc) => [nc.id, nc.state]),
      [
        ['NC-1', 'overdue'],
        ['NC-2', 'unverified'],
      ],
    );
    assert.deepEqual(
      cycle.managementReviews.map((review) => review.documentId),
      ['MR-1'],
    );
    assert.equal(cycle.managementReviewDue, '2027-02-01');
  });

  it('counts an audit report for 9.2, a management review for 9.3 and a nonconformity with its action for 10.1', async () => {
    const { index } = await indexOf(FILES);
    const evidence = (clause: string): string[] =>
      index
        .coverage()
        .clauses.find((entry) => entry.clause === clause)
        ?.evidence.map((link) => link.documentId) ?? [];
    assert.deepEqual(evidence('9.2'), ['AUD-1', 'AUD-2', 'AUD-F', 'AUD-S1']);
    assert.deepEqual(evidence('9.3'), ['MR-1']);
    assert.deepEqual(evidence('10.1'), ['AUD-2']);
  });

  it('is recomputed after an edit: closing the overdue nonconformity', async () => {
    const { index, fs } = await indexOf(FILES);
    assert.equal(index.cycle().nonconformities[0]?.state, 'overdue');
    const closed = FILES['sms/aud-2.md'].replace('    status: open', '    status: closed\n    closed_on: 2026-08-01\n    verified_on: 2026-09-01');
    fs.write('/repo/sms/aud-2.md', closed);
    await index.setDocument('sms/aud-2.md');
    assert.equal(index.cycle().nonconformities[0]?.state, 'closed');
  });

  it('hovers a nonconformity id with its state from the cycle, and its clause as a clause', async () => {
    const { index } = await indexOf(FILES);
    const text = FILES['sms/aud-2.md'];
    const document = index.documentAt('sms/aud-2.md')!;
    const lines = new LineIndex(text);
    const target = targetAt(document, text, lines, index.catalog, text.indexOf('NC-1') + 2);
    assert.deepEqual([target?.kind, target?.kind === 'nonconformity' ? target.id : undefined, target?.range.start.line], ['nonconformity', 'NC-1', 16]);
    assert.equal(targetAt(document, text, lines, index.catalog, text.indexOf('clause: 8.6.1') + 9)?.kind, 'clause');
    assert.equal(
      nonconformityHover('NC-1', index.cycle().nonconformitiesById.get('NC-1') ?? []),
      '**NC\\-1**\n\nminor · clause 8\\.6\\.1 · state: overdue\n\ndue 2026\\-07\\-31\n\nAUD\\-2 sms/aud\\-2\\.md',
    );
    assert.equal(nonconformityHover('NC-9', []), 'No audit finding has the id **NC\\-9**.');
  });
});
