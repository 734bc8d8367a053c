import assert from 'node:assert/strict';
import { documentControl } from '../../src/core/coverage/documentControl.js';
import { documentText, indexOf } from '../support/repository.js';

/** The control state of one document read from `fields`, on 2026-11-21 with a 30-day review warning. */
async function controlOf(fields: Record<string, string | undefined>): Promise<ReturnType<typeof documentControl>> {
  const { index } = await indexOf({ 'sms/d.md': documentText(fields) });
  const [document] = index.documents();
  assert.ok(document);
  return documentControl(document, '2026-11-21', 30);
}

describe('document control state', () => {
  it('approved in force: status, approver and a past approval date', async () => {
    assert.deepEqual(await controlOf({}), { approval: 'in-force', review: 'current', defects: [], label: 'approved' });
  });

  it('approved without a date, with a malformed one or without an approver is not approved', async () => {
    assert.equal((await controlOf({ approved_on: undefined })).label, 'approval incomplete');
    assert.deepEqual((await controlOf({ approved_on: '2026-1-5' })).defects, ['approval incomplete (`approved_on` is not a valid date)']);
    assert.deepEqual((await controlOf({ approved_by: undefined, approved_on: undefined })).defects, [
      'approval incomplete (no `approved_by`, no `approved_on`)',
    ]);
  });

  it('an approval dated after the day checked is not yet in force', async () => {
    const control = await controlOf({ approved_on: '2026-12-01' });
    assert.equal(control.approval, 'future');
    assert.equal(control.label, 'approval not yet in force');
  });

  it('review: overdue is a defect of an approved document, due soon is not', async () => {
    assert.deepEqual(await controlOf({ next_review: '2026-11-20' }), {
      approval: 'in-force',
      review: 'overdue',
      defects: ['review overdue since 2026-11-20'],
      label: 'approved, review overdue',
    });
    assert.deepEqual((await controlOf({ next_review: '2026-12-01' })).defects, []);
    assert.equal((await controlOf({ next_review: '2026-12-01' })).review, 'due-soon');
  });

  it('drafts and retired documents have no defects: they are no support to begin with', async () => {
    assert.deepEqual(await controlOf({ status: 'draft', next_review: '2026-01-01' }), {
      approval: 'not-approved',
      review: 'overdue',
      defects: [],
      label: 'draft',
    });
    assert.equal((await controlOf({ status: 'retired' })).label, 'retired');
    assert.equal((await controlOf({ type: 'record', next_review: undefined })).review, 'not-applicable');
  });
});
