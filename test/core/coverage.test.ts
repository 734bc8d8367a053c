import assert from 'node:assert/strict';
import type { ClauseStatus } from '../../src/core/coverage/coverageReport.js';
import { documentText, indexOf } from '../support/repository.js';

const CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  exclusions: { allowed: true },
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: 'Policy', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
    { id: '1.2', title: 'Operation', parent: '1', records: [{ description: 'operation records' }] },
    { id: '1.3', title: 'Knowledge', parent: '1', records: [{ description: 'optional', required: false }] },
  ],
});

async function statusOf(clause: string, files: Record<string, string>, config: object = {}): Promise<{ status: ClauseStatus; gaps: readonly string[] }> {
  const { index } = await indexOf({ 'clausemark.json': JSON.stringify({ catalog: './catalog.json', ...config }), 'catalog.json': CATALOG, ...files });
  const entry = index.coverage().clauses.find((c) => c.clause === clause);
  assert.ok(entry, `clause ${clause} is in the report`);
  return { status: entry.status, gaps: entry.reasons.map((reason) => reason.text) };
}

const withEvidence = (date: string): string => `\n  - url: https://tickets.example.com/r/1\n    clause: 1.2\n    date: ${date}`;

describe('coverage', () => {
  it('lists only leaf clauses, in catalog order', async () => {
    const { index } = await indexOf({ 'clausemark.json': '{ "catalog": "./catalog.json" }', 'catalog.json': CATALOG });
    assert.deepEqual(
      index.coverage().clauses.map((c) => c.clause),
      ['1.1', '1.2', '1.3'],
    );
  });

  it('uncovered: no document claims the clause', async () => {
    assert.deepEqual(await statusOf('1.3', {}), { status: 'uncovered', gaps: ['no document addresses it'] });
  });

  it('covered: an approved document of the required type', async () => {
    assert.equal((await statusOf('1.1', { 'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1' }) })).status, 'covered');
  });

  it('partial: only drafts address it', async () => {
    const result = await statusOf('1.1', { 'sms/p.md': documentText({ type: 'policy', status: 'draft', clauses: '\n  - 1.1' }) });
    assert.equal(result.status, 'partial');
    assert.match(result.gaps[0] ?? '', /only documents that are not approved/);
  });

  it('partial: approved, but not of the type the clause calls for', async () => {
    const result = await statusOf('1.1', { 'sms/p.md': documentText({ type: 'process', clauses: '\n  - 1.1' }) });
    assert.deepEqual(result, { status: 'partial', gaps: ['needs a policy: a policy'] });
  });

  it('partial: records are required and no evidence is linked', async () => {
    const result = await statusOf('1.2', { 'sms/p.md': documentText({ clauses: '\n  - 1.2' }) });
    assert.deepEqual(result, { status: 'partial', gaps: ['it needs records, and no evidence is linked'] });
  });

  it('covered: records required and current evidence linked', async () => {
    assert.equal((await statusOf('1.2', { 'sms/p.md': documentText({ clauses: '\n  - 1.2', evidence: withEvidence('2026-10-01') }) })).status, 'covered');
  });

  it('at-risk: the only evidence is stale (it is linked, but cannot be relied on)', async () => {
    const result = await statusOf('1.2', { 'sms/p.md': documentText({ clauses: '\n  - 1.2', evidence: withEvidence('2024-10-01') }) });
    assert.deepEqual(result, {
      status: 'at-risk',
      gaps: [
        'evidence `https://tickets.example.com/r/1` (linked by PRC-INC) is from 2024-10-01, older than the maximum evidence age',
        'none of its evidence is current, so the records it needs are not shown',
      ],
    });
  });

  it('at-risk: current evidence beside a missing file', async () => {
    const evidence = `${withEvidence('2026-10-01')}\n  - path: ./gone.md\n    clause: 1.2\n    date: 2026-10-01`;
    const result = await statusOf('1.2', { 'sms/p.md': documentText({ clauses: '\n  - 1.2', evidence }) });
    assert.deepEqual(result, { status: 'at-risk', gaps: ['evidence `sms/gone.md` (linked by PRC-INC) does not exist'] });
  });

  it('at-risk: the only approved document is overdue for review', async () => {
    const result = await statusOf('1.1', { 'sms/p.md': documentText({ id: 'POL-1', type: 'policy', next_review: '2026-01-31', clauses: '\n  - 1.1' }) });
    assert.deepEqual(result, { status: 'at-risk', gaps: ['POL-1: review overdue since 2026-01-31'] });
  });

  it('at-risk: approved without `approved_on`, with a malformed one, or without `approved_by`', async () => {
    const policy = (fields: Record<string, string | undefined>): Record<string, string> => ({
      'sms/p.md': documentText({ id: 'POL-1', type: 'policy', clauses: '\n  - 1.1', ...fields }),
    });
    assert.deepEqual(await statusOf('1.1', policy({ approved_on: undefined })), { status: 'at-risk', gaps: ['POL-1: approval incomplete (no `approved_on`)'] });
    assert.deepEqual(await statusOf('1.1', policy({ approved_on: '2026-1-5' })), {
      status: 'at-risk',
      gaps: ['POL-1: approval incomplete (`approved_on` is not a valid date)'],
    });
    assert.deepEqual(await statusOf('1.1', policy({ approved_by: undefined })), { status: 'at-risk', gaps: ['POL-1: approval incomplete (no `approved_by`)'] });
  });

  it('at-risk: approved on a day after the one checked', async () => {
    const result = await statusOf('1.1', { 'sms/p.md': documentText({ id: 'POL-1', type: 'policy', approved_on: '2027-01-05', clauses: '\n  - 1.1' }) });
    assert.equal(result.status, 'at-risk');
    assert.match(result.gaps[0] ?? '', /^POL-1: approved on 2027-01-05, which is after /);
  });

  it("covered: a draft's overdue review does not put a clause at risk (drafts are no support)", async () => {
    const files = {
      'sms/p.md': documentText({ id: 'POL-1', type: 'policy', clauses: '\n  - 1.1' }),
      'sms/d.md': documentText({ id: 'POL-2', type: 'policy', status: 'draft', next_review: '2026-01-31', clauses: '\n  - 1.1' }),
    };
    assert.equal((await statusOf('1.1', files)).status, 'covered');
  });

  it('partial beats at-risk: a gap and a defect together leave the clause partial, with both reasons', async () => {
    const result = await statusOf('1.1', { 'sms/p.md': documentText({ type: 'process', next_review: '2026-01-31', clauses: '\n  - 1.1' }) });
    assert.deepEqual(result, { status: 'partial', gaps: ['needs a policy: a policy', 'PRC-INC: review overdue since 2026-01-31'] });
  });

  it('covered: a record document claiming the clause is evidence by itself', async () => {
    const files = {
      'sms/p.md': documentText({ clauses: '\n  - 1.2' }),
      'sms/r.md': documentText({ id: 'REC-1', type: 'record', date: '2026-10-01', clauses: '\n  - 1.2' }),
    };
    assert.equal((await statusOf('1.2', files)).status, 'covered');
  });

  it('not-required records do not affect coverage', async () => {
    assert.equal((await statusOf('1.3', { 'sms/p.md': documentText({ clauses: '\n  - 1.3' }) })).status, 'covered');
  });

  it('retired documents do not count', async () => {
    assert.equal((await statusOf('1.1', { 'sms/p.md': documentText({ type: 'policy', status: 'retired', clauses: '\n  - 1.1' }) })).status, 'uncovered');
  });

  it('excluded: when the catalog allows exclusions and the config declares one', async () => {
    const result = await statusOf('1.3', {}, { exclusions: [{ clause: '1.3', justification: 'No knowledge base in scope.' }] });
    assert.equal(result.status, 'excluded');
  });

  it('counts at-risk clauses as applicable but not covered', async () => {
    const { index } = await indexOf({
      'clausemark.json': JSON.stringify({ catalog: './catalog.json' }),
      'catalog.json': CATALOG,
      'sms/p.md': documentText({ id: 'POL-1', type: 'policy', clauses: '\n  - 1.1' }),
      'sms/q.md': documentText({ id: 'PRC-1', next_review: '2026-01-31', clauses: '\n  - 1.3' }),
    });
    assert.deepEqual(index.coverage().summary, { leaves: 3, covered: 1, atRisk: 1, partial: 0, uncovered: 1, excluded: 0, percent: 33.3 });
  });

  it('summarises as a percentage of applicable leaves', async () => {
    const { index } = await indexOf({
      'clausemark.json': JSON.stringify({ catalog: './catalog.json', exclusions: [{ clause: '1.3', justification: 'n/a' }] }),
      'catalog.json': CATALOG,
      'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1' }),
    });
    assert.deepEqual(index.coverage().summary, { leaves: 3, covered: 1, atRisk: 0, partial: 0, uncovered: 1, excluded: 1, percent: 50 });
  });

  it('covers most of ISO/IEC 20000-1 in the bundled example, with its honest gaps', async () => {
    const { checkRepository } = await import('../../src/core/check.js');
    const outcome = await checkRepository({ paths: ['examples/acme-msp'], now: () => new Date('2026-11-21T12:00:00Z') });
    assert.ok(outcome.ok);
    const statuses = Object.fromEntries(outcome.result.coverage.clauses.filter((c) => c.status !== 'covered').map((c) => [c.clause, c.status]));
    // 8.3.4.x rest on PRC-SUP, overdue for review; 8.5.3 on a release record never committed; 8.6.3 on PRC-PRB,
    // approved without `approved_on`; 8.7.2 on a continuity test older than the evidence limit.
    assert.deepEqual(statuses, {
      '7.6': 'uncovered',
      '8.2.5': 'partial',
      '8.3.2': 'partial',
      '8.3.4.1': 'at-risk',
      '8.3.4.2': 'at-risk',
      '8.4.2': 'uncovered',
      '8.5.3': 'at-risk',
      '8.6.3': 'at-risk',
      '8.7.2': 'at-risk',
    });
    assert.deepEqual(outcome.result.coverage.summary, { leaves: 57, covered: 48, atRisk: 5, partial: 2, uncovered: 2, excluded: 0, percent: 84.2 });
    assert.equal(outcome.result.coverage.summary.leaves, 57);
  });
});
