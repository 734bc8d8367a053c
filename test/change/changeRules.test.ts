import assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/ruleDefinitions.js';
import { reviewOf } from '../support/gitRepository.js';
import { markedText } from '../support/markedText.js';
import { describeFinding, documentText } from '../support/repository.js';

/**
 * The rules that judge a change against its base (`scope: 'change'`), like test/core/rules.test.ts but on real
 * git history: `base` is committed on main, then `notOk` (or `ok`) is committed on a branch over it. In `notOk`,
 * `«…»` marks each range where the rule must report, and nowhere else; files whose text (markers removed)
 * equals the base stay unchanged.
 */
interface ChangeRuleCase {
  readonly rule: string;
  readonly base: Record<string, string>;
  readonly notOk: Record<string, string | undefined>;
  readonly ok: Record<string, string | undefined>;
  /** Expected findings given directly, for places markers cannot show (a deleted file's clause, on the repository). */
  readonly expect?: readonly string[];
}

const CHANGED_BODY = '# Purpose\n\nWhy this exists, now with escalation rules.\n';
const POLICY = { id: 'POL-SMS', type: 'policy', title: 'SMS policy', clauses: '\n  - 5.2.1' };

const changeCases: ChangeRuleCase[] = [
  {
    rule: 'change.version-not-bumped',
    base: { 'sms/a.md': documentText() },
    notOk: { 'sms/a.md': documentText({ version: '«"1.0"»', status: 'review' }, CHANGED_BODY) },
    ok: { 'sms/a.md': documentText({ version: '"1.1"', status: 'review' }, CHANGED_BODY) },
  },
  {
    rule: 'change.version-not-bumped',
    base: { 'sms/a.md': documentText() },
    notOk: { 'sms/a.md': documentText({ version: '«"1.0"»', status: 'review', clauses: '\n  - 8.6.1\n  - 8.6.2' }) },
    // Only the review date moved: not a revision of what the document says.
    ok: { 'sms/a.md': documentText({ next_review: '2027-06-30' }) },
  },
  {
    rule: 'change.approval-not-renewed',
    base: { 'sms/a.md': documentText() },
    notOk: { 'sms/a.md': documentText({ version: '"1.1"', approved_on: '«2026-03-02»' }, CHANGED_BODY) },
    ok: { 'sms/a.md': documentText({ version: '"1.1"', approved_on: '2026-11-20' }, CHANGED_BODY) },
  },
  {
    rule: 'change.last-coverage-removed',
    base: { 'sms/a.md': documentText(), 'sms/b.md': documentText({ id: 'PRC-REQ', clauses: '\n  - 8.6.2' }) },
    notOk: { 'sms/a.md': documentText({ status: '«retired»' }) },
    ok: { 'sms/a.md': documentText({ status: 'retired' }), 'sms/c.md': documentText({ id: 'PRC-INC-2' }) },
  },
  {
    rule: 'change.last-coverage-removed',
    base: { 'sms/a.md': documentText({ clauses: '\n  - 8.6.1\n  - 8.6.2' }) },
    notOk: { 'sms/a.md': documentText({ version: '"1.1"', approved_on: '2026-11-20', clauses: '\n  - 8.6.1' }).replace('clauses:', '«clauses»:') },
    ok: {
      'sms/a.md': documentText({ version: '"1.1"', approved_on: '2026-11-20', clauses: '\n  - 8.6.1' }),
      'sms/b.md': documentText({ id: 'PRC-REQ', clauses: '\n  - 8.6.2' }),
    },
  },
  {
    rule: 'change.last-coverage-removed',
    base: { 'sms/a.md': documentText(), 'sms/b.md': documentText({ id: 'PRC-REQ', clauses: '\n  - 8.6.2' }) },
    notOk: { 'sms/a.md': undefined },
    ok: { 'sms/a.md': undefined, 'sms/b.md': documentText({ id: 'PRC-REQ', version: '"1.1"', approved_on: '2026-11-20', clauses: '\n  - 8.6.1\n  - 8.6.2' }) },
    // Without a config file the repository-level finding has no range (file `.`).
    expect: ['. change.last-coverage-removed'],
  },
  {
    rule: 'change.suspect-link',
    base: { 'sms/a.md': documentText({ related: '[POL-SMS]' }), 'sms/p.md': documentText(POLICY) },
    notOk: {
      'sms/a.md': documentText({ related: '[«POL-SMS»]' }),
      'sms/p.md': documentText({ ...POLICY, version: '"1.1"', approved_on: '2026-11-20' }, CHANGED_BODY),
    },
    ok: {
      'sms/a.md': documentText({ related: '[POL-SMS]', version: '"1.1"', approved_on: '2026-11-20' }, CHANGED_BODY),
      'sms/p.md': documentText({ ...POLICY, version: '"1.1"', approved_on: '2026-11-20' }, CHANGED_BODY),
    },
  },
  {
    rule: 'change.suspect-link',
    base: { 'sms/a.md': documentText({ evidence: '\n  - path: ../records/log.csv\n    date: 2026-10-01' }), 'records/log.csv': 'day,count\n' },
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - path: «../records/log.csv»\n    date: 2026-10-01' }), 'records/log.csv': 'day,count\n2026-10-01,3\n' },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - path: ../records/log.csv\n    date: 2026-10-01' }), 'records/other.csv': 'new\n' },
  },
];

describe('change rules (against a base revision)', function () {
  this.timeout(60_000);

  it('every change rule has a case here (add one with each new change rule)', () => {
    const covered = new Set(changeCases.map((c) => c.rule));
    assert.deepEqual(
      RULES.filter((rule) => rule.scope === 'change' && !covered.has(rule.id)).map((rule) => rule.id),
      [],
    );
  });

  for (const [index, ruleCase] of changeCases.entries()) {
    describe(`${ruleCase.rule} (case ${index + 1})`, () => {
      it('reports each marked range, and nothing else', async () => {
        const head: Record<string, string | undefined> = {};
        const expected: string[] = [...(ruleCase.expect ?? [])];
        for (const [path, source] of Object.entries(ruleCase.notOk)) {
          if (source === undefined) {
            head[path] = undefined;
            continue;
          }
          const { text, ranges } = markedText(source);
          head[path] = text;
          for (const range of ranges) expected.push(`${path}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column} ${ruleCase.rule}`);
        }
        assert.ok(expected.length > 0, 'the case marks at least one expected finding');
        const { review, repository } = await reviewOf(ruleCase.base, head);
        try {
          const found = review.findings.filter((finding) => finding.ruleId === ruleCase.rule);
          assert.deepEqual(found.map(describeFinding).sort(), expected.sort());
          assert.ok(
            found.every((finding) => review.states.get(finding) === 'new'),
            'change findings are new',
          );
        } finally {
          repository.remove();
        }
      });

      it('stays quiet on a change that keeps the rule', async () => {
        const { review, repository } = await reviewOf(ruleCase.base, ruleCase.ok);
        try {
          assert.deepEqual(review.findings.filter((finding) => finding.ruleId === ruleCase.rule).map(describeFinding), []);
        } finally {
          repository.remove();
        }
      });
    });
  }
});
