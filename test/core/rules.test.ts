import assert from 'node:assert/strict';
import { documentText, indexOf } from '../support/repository.js';

// Each rule's ok / not-ok repositories are fixtures (test/fixtures/rules/<id>/), run by ruleFixtures.test.ts.
describe('rules', () => {
  it('reports nothing for a rule that is turned off, and a changed severity for one that is not', async () => {
    const files = {
      'clausemark.json': '{ "rules": { "clause.unknown": "off", "control.review-overdue": "info" } }',
      'sms/a.md': documentText({ clauses: '\n  - 8.6.4', next_review: '2026-01-01' }),
    };
    const { index } = await indexOf(files);
    const findings = index.allFindings();
    assert.equal(findings.filter((f) => f.ruleId === 'clause.unknown').length, 0);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'control.review-overdue').map((f) => f.severity),
      ['info'],
    );
  });

  it('suggests the nearest clause ids for an unknown one', async () => {
    const { index } = await indexOf({ 'sms/a.md': documentText({ clauses: '\n  - 8.6.4' }) });
    const finding = index.allFindings().find((f) => f.ruleId === 'clause.unknown');
    assert.deepEqual(finding?.data?.suggestions, ['8.6.1', '8.6.2', '8.6.3']);
  });

  it('names the leaves a parent clause stands for', async () => {
    const { index } = await indexOf({ 'sms/a.md': documentText({ clauses: '\n  - 8.7.3' }) });
    const finding = index.allFindings().find((f) => f.ruleId === 'clause.not-leaf');
    assert.deepEqual(finding?.data?.suggestions, ['8.7.3.1', '8.7.3.2', '8.7.3.3']);
  });

  it('reports both places of a duplicate id, each pointing at the other', async () => {
    const { index } = await indexOf({ 'sms/a.md': documentText(), 'sms/b.md': documentText({ title: 'Copy' }) });
    const duplicates = index.allFindings().filter((f) => f.ruleId === 'trace.duplicate-id');
    assert.deepEqual(
      duplicates.map((f) => [f.file, f.related?.[0]?.file]),
      [
        ['sms/a.md', 'sms/b.md'],
        ['sms/b.md', 'sms/a.md'],
      ],
    );
  });

  it('names an unknown rule in the config once, with the nearest ids as a question', async () => {
    const { index } = await indexOf({ 'clausemark.json': JSON.stringify({ rules: { 'clause.unknwn': 'off', 'zzzzzz.qqqqqqqq': 'off' } }) });
    const messages = index
      .allFindings()
      .filter((finding) => finding.ruleId === 'config.unknown-rule')
      .map((finding) => finding.message);
    assert.deepEqual(messages, ['There is no rule `clause.unknwn`; did you mean `clause.unknown`?', 'There is no rule `zzzzzz.qqqqqqqq`.']);
  });
});
