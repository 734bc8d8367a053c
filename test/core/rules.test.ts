import assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/ruleDefinitions.js';
import { markedText } from '../support/markedText.js';
import { describeFinding, documentText, indexOf } from '../support/repository.js';

/**
 * Every rule, with a repository that breaks it and one that does not. In `notOk`, `«…»` marks each
 * range where the rule must report, and nowhere else; `ok` must give no finding of the rule.
 */
interface RuleCase {
  readonly rule: string;
  readonly notOk: Record<string, string>;
  readonly ok: Record<string, string>;
  /** Expected findings given directly, for files that cannot carry markers (binary). */
  readonly expect?: readonly string[];
}

const MINI_CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  exclusions: { allowed: false, note: 'Everything applies.' },
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: 'Policy', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
    { id: '1.2', title: 'Operation', parent: '1', records: [{ description: 'operation records' }] },
  ],
});

const MINI_CONFIG = '{\n  «"catalog"»: "./catalog.json"\n}\n';
const RECORD = documentText({ id: 'REC-1', title: 'Record', type: 'record', version: undefined, date: '2026-10-01', next_review: undefined, clauses: '\n  - 8.6.1' });

/** An audit report; `findings` is the YAML of its `findings:` list. */
function auditText(audit: string, findings?: string, fields: Record<string, string | undefined> = {}): string {
  return documentText({ id: 'AUD-1', title: 'Internal audit', type: 'audit', owner: 'Audit Lead', version: undefined, next_review: undefined, date: '2026-05-14', clauses: '[]', audit, findings, ...fields });
}
const INTERNAL_86 = '\n  kind: internal\n  auditor: Jane Roe\n  scope: [8.6]';
const CYCLE_CONFIG = (certification: string): string => `{\n  "certification": ${certification}\n}\n`;
const REVIEW = (date: string): string => documentText({ id: 'MR-1', title: 'Management review', type: 'management-review', version: undefined, next_review: undefined, date, clauses: '[]' });

const cases: RuleCase[] = [
  {
    rule: 'file.unreadable',
    notOk: { 'sms/scan.md': '\u0000\u0001binary' },
    ok: { 'sms/a.md': documentText() },
    expect: ['sms/scan.md:1:1-1:1 file.unreadable'],
  },
  { rule: 'frontmatter.missing', notOk: { 'sms/draft.md': '«# Draft»\n\nTo do.\n' }, ok: { 'docs/draft.md': '# Draft\n\nTo do.\n' } },
  {
    rule: 'frontmatter.too-large',
    notOk: { 'sms/a.md': documentText({ related: `\n${Array.from({ length: 1000 }, (_, i) => `  - A${i}`).join('\n')}\n  - «A1000»` }), 'sms/b.md': `«---»\nid: B\ntitle: ${'x'.repeat(200_000)}\ntype: policy\n---\n` },
    ok: { 'sms/a.md': documentText({ related: `\n${Array.from({ length: 1000 }, (_, i) => `  - A${i}`).join('\n')}` }) },
  },
  { rule: 'frontmatter.invalid-yaml', notOk: { 'sms/a.md': '«---»\nid: A\ntitle: A\ntype: process\n' }, ok: { 'sms/a.md': documentText() } },
  {
    rule: 'frontmatter.duplicate-key',
    notOk: { 'sms/a.md': documentText({ title: 'A\n«title»: B' }) },
    ok: { 'sms/a.md': documentText() },
  },
  { rule: 'frontmatter.missing-field', notOk: { 'sms/a.md': documentText({ title: undefined }).replace(/^---/, '«---»') }, ok: { 'sms/a.md': documentText() } },
  { rule: 'frontmatter.invalid-field', notOk: { 'sms/a.md': documentText({ type: '«proces»' }) }, ok: { 'sms/a.md': documentText() } },
  { rule: 'frontmatter.unknown-field', notOk: { 'sms/a.md': documentText({ '«reviewers»': '[Ann, Bob]' }) }, ok: { 'sms/a.md': documentText({ description: 'How we restore service.' }) } },
  { rule: 'control.missing-field', notOk: { 'sms/a.md': documentText({ id: 'PRC-INC', owner: undefined }).replace('id: PRC-INC', '«id»: PRC-INC') }, ok: { 'sms/a.md': documentText() } },
  { rule: 'control.missing-approval', notOk: { 'sms/a.md': documentText({ status: '«approved»', approved_on: undefined }) }, ok: { 'sms/a.md': documentText() } },
  { rule: 'control.missing-review-date', notOk: { 'sms/a.md': documentText({ status: '«approved»', next_review: undefined }) }, ok: { 'sms/a.md': documentText({ status: 'draft', next_review: undefined }) } },
  { rule: 'control.review-overdue', notOk: { 'sms/a.md': documentText({ next_review: '«2026-08-31»' }) }, ok: { 'sms/a.md': documentText({ next_review: '2027-08-31' }) } },
  { rule: 'control.review-due-soon', notOk: { 'sms/a.md': documentText({ next_review: '«2026-12-01»' }) }, ok: { 'sms/a.md': documentText({ next_review: '2027-02-01' }) } },
  {
    rule: 'control.retired-claims-clauses',
    notOk: { 'sms/a.md': documentText({ status: 'retired', clauses: '\n  - 8.6.1' }).replace('clauses:', '«clauses»:') },
    ok: { 'sms/a.md': documentText({ status: 'retired', clauses: '[]' }) },
  },
  { rule: 'clause.unknown', notOk: { 'sms/a.md': documentText({ clauses: '\n  - «8.6.4»\n  - 8.6.1' }) }, ok: { 'sms/a.md': documentText() } },
  { rule: 'clause.not-leaf', notOk: { 'sms/a.md': documentText({ clauses: '\n  - «8.6»' }) }, ok: { 'sms/a.md': documentText({ clauses: '\n  - 8.6.1\n  - 8.6.2' }) } },
  { rule: 'clause.duplicate', notOk: { 'sms/a.md': documentText({ clauses: '\n  - 8.6.1\n  - «8.6.1»' }) }, ok: { 'sms/a.md': documentText() } },
  {
    rule: 'clause.unknown-section',
    notOk: { 'sms/a.md': documentText({ clauses: '\n  - clause: 8.6.1\n    section: «escalations»' }, '# Incidents\n\n## Escalation\n') },
    ok: { 'sms/a.md': documentText({ clauses: '\n  - clause: 8.6.1\n    section: escalation' }, '# Incidents\n\n## Escalation\n') },
  },
  {
    rule: 'evidence.missing-file',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - path: «../records/missing.md»\n    clause: 8.6.1\n    date: 2026-10-01' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - path: ../records/r.md\n    clause: 8.6.1\n    date: 2026-10-01' }), 'records/r.md': RECORD },
  },
  {
    rule: 'evidence.outside-repository',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - path: «../../../etc/passwd»\n    clause: 8.6.1\n  - path: «/etc/hosts»\n    clause: 8.6.1' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - path: ..\\records\\r.md\n    clause: 8.6.1\n    date: 2026-10-01' }), 'records/r.md': RECORD },
  },
  {
    rule: 'evidence.unsafe-url',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - url: «javascript:alert(1)»\n    clause: 8.6.1\n  - url: «file:///etc/passwd»' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - url: https://tickets.example.com/r/42\n    clause: 8.6.1\n    date: 2026-10-01' }) },
  },
  {
    rule: 'evidence.invalid',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - «clause: 8.6.1\n    date: 2026-10-01»' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - url: https://tickets.example.com/r/42\n    date: 2026-10-01' }) },
  },
  {
    rule: 'evidence.stale',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - url: https://t.example.com/1\n    date: «2024-01-01»' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - url: https://t.example.com/1\n    date: 2026-01-01' }) },
  },
  {
    rule: 'evidence.undated',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - url: «https://t.example.com/1»' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - path: ../records/r.md' }), 'records/r.md': RECORD },
  },
  {
    rule: 'evidence.clause-not-claimed',
    notOk: { 'sms/a.md': documentText({ evidence: '\n  - url: https://t.example.com/1\n    clause: «8.6.3»\n    date: 2026-10-01' }) },
    ok: { 'sms/a.md': documentText({ evidence: '\n  - url: https://t.example.com/1\n    clause: 8.6.1\n    date: 2026-10-01' }) },
  },
  {
    rule: 'trace.duplicate-id',
    notOk: { 'sms/a.md': documentText({ id: '«PRC-INC»' }), 'sms/b.md': documentText({ id: '«PRC-INC»', title: 'Other' }) },
    ok: { 'sms/a.md': documentText({ id: 'PRC-INC' }), 'sms/b.md': documentText({ id: 'PRC-PRB', title: 'Other' }) },
  },
  {
    rule: 'trace.unknown-related',
    notOk: { 'sms/a.md': documentText({ related: '[«POL-NONE»]' }) },
    ok: { 'sms/a.md': documentText({ related: '[POL-SMS]' }), 'sms/p.md': documentText({ id: 'POL-SMS', type: 'policy', clauses: '\n  - 5.2.1' }) },
  },
  { rule: 'trace.no-clauses', notOk: { 'sms/a.md': documentText({ '«clauses»': '[]', clauses: undefined }) }, ok: { 'sms/a.md': documentText() } },
  {
    rule: 'coverage.uncovered-clause',
    notOk: { 'clausemark.json': MINI_CONFIG, 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1' }) },
    ok: {
      'clausemark.json': MINI_CONFIG.replace(/[«»]/g, ''),
      'catalog.json': MINI_CATALOG,
      'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1\n  - 1.2', evidence: '\n  - url: https://t.example.com/1\n    clause: 1.2\n    date: 2026-10-01' }),
    },
  },
  {
    rule: 'coverage.missing-document-type',
    notOk: { 'clausemark.json': MINI_CONFIG, 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ type: 'process', clauses: '\n  - 1.1' }) },
    ok: { 'clausemark.json': MINI_CONFIG.replace(/[«»]/g, ''), 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1' }) },
  },
  {
    rule: 'coverage.missing-records',
    // No evidence at all is a gap (partial); evidence that is only stale is a defect (at-risk-clause, below).
    notOk: { 'clausemark.json': MINI_CONFIG, 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ clauses: '\n  - 1.2' }) },
    ok: { 'clausemark.json': MINI_CONFIG.replace(/[«»]/g, ''), 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ clauses: '\n  - 1.2' }), 'sms/r.md': documentText({ id: 'REC-1', type: 'record', date: '2026-10-01', clauses: '\n  - 1.2' }) },
  },
  {
    rule: 'coverage.partial-clause',
    notOk: { 'clausemark.json': MINI_CONFIG, 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ type: 'policy', status: 'draft', clauses: '\n  - 1.1' }) },
    ok: { 'clausemark.json': MINI_CONFIG.replace(/[«»]/g, ''), 'catalog.json': MINI_CATALOG, 'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1' }) },
  },
  {
    rule: 'coverage.at-risk-clause',
    notOk: {
      'clausemark.json': MINI_CONFIG,
      'catalog.json': MINI_CATALOG,
      'sms/p.md': documentText({ type: 'policy', approved_on: undefined, clauses: '\n  - 1.1\n  - 1.2', evidence: '\n  - url: https://t.example.com/1\n    clause: 1.2\n    date: 2020-10-01' }),
    },
    // One finding per clause: 1.1 (approval incomplete) at the marked range, and 1.2 (stale evidence) again there.
    expect: ['clausemark.json:2:3-2:12 coverage.at-risk-clause'],
    ok: {
      'clausemark.json': MINI_CONFIG.replace(/[«»]/g, ''),
      'catalog.json': MINI_CATALOG,
      'sms/p.md': documentText({ type: 'policy', clauses: '\n  - 1.1\n  - 1.2', evidence: '\n  - url: https://t.example.com/1\n    clause: 1.2\n    date: 2026-10-01' }),
    },
  },
  {
    rule: 'coverage.exclusion-not-allowed',
    notOk: { 'clausemark.json': '{\n  "catalog": "./catalog.json",\n  "exclusions": [{ "clause": «"1.2"», "justification": "We run no operations." }]\n}\n', 'catalog.json': MINI_CATALOG },
    ok: { 'clausemark.json': '{ "catalog": "./catalog.json", "exclusions": [{ "clause": "1.2", "justification": "n/a" }] }', 'catalog.json': MINI_CATALOG.replace('"allowed":false', '"allowed":true') },
  },
  {
    rule: 'nc.invalid',
    notOk: {
      'sms/aud.md': auditText(INTERNAL_86, '\n  - id: «NC-1»\n    clause: «8.6.9»\n    grade: «mjr»\n    status: «opn»\n  - id: NC-2\n    grade: «minor»\n    raised_on: «2026-13-01»\n    status: «closed»\n    verified_on: 2026-10-01\n  - «grade: observation»'),
      'sms/aud2.md': auditText(INTERNAL_86, '\n  - id: «NC-1»\n    grade: observation', { id: 'AUD-2' }),
    },
    ok: { 'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    clause: 8.6.1\n    grade: minor\n    raised_on: 2026-05-14\n    due: 2026-07-31\n    status: closed\n    closed_on: 2026-07-20\n    action: PRC-INC\n    verified_on: 2026-08-02\n  - id: NC-2\n    grade: opportunity\n    status: open') },
  },
  {
    rule: 'nc.overdue',
    notOk: { 'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    grade: minor\n    due: «2026-10-31»\n    status: open\n  - id: NC-2\n    grade: observation\n    due: 2026-10-31\n    status: open') },
    ok: { 'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    grade: minor\n    due: 2026-12-31\n    status: open\n  - id: NC-2\n    grade: major\n    due: 2026-10-31\n    status: closed\n    closed_on: 2026-10-30\n    verified_on: 2026-11-10') },
  },
  {
    rule: 'nc.closed-without-verification',
    notOk: { 'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    grade: major\n    due: 2026-07-31\n    status: «closed»\n    closed_on: 2026-07-20') },
    ok: { 'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    grade: major\n    due: 2026-07-31\n    status: closed\n    closed_on: 2026-07-20\n    verified_on: 2026-08-02\n  - id: OBS-1\n    grade: observation\n    status: closed\n    closed_on: 2026-07-20') },
  },
  {
    rule: 'nc.open-before-audit',
    notOk: {
      'clausemark.json': CYCLE_CONFIG('{ "certifiedOn": "2025-12-10", "audits": [{ "kind": "surveillance", "date": "2026-12-10" }] }'),
      'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    grade: major\n    due: 2026-12-31\n    status: «open»\n  - id: NC-2\n    grade: minor\n    due: 2026-12-31\n    status: open'),
    },
    ok: {
      'clausemark.json': CYCLE_CONFIG('{ "certifiedOn": "2025-12-10", "audits": [{ "kind": "surveillance", "date": "2027-03-01" }] }'),
      'sms/aud.md': auditText(INTERNAL_86, '\n  - id: NC-1\n    grade: major\n    due: 2026-12-31\n    status: open'),
    },
  },
  {
    rule: 'audit.auditor-not-independent',
    notOk: { 'sms/aud.md': auditText('\n  kind: internal\n  auditor: «Service Desk Manager»\n  scope: [8.6]'), 'sms/inc.md': documentText() },
    ok: { 'sms/aud.md': auditText(INTERNAL_86), 'sms/inc.md': documentText(), 'sms/ext.md': auditText('\n  kind: surveillance\n  auditor: Service Desk Manager\n  scope: [8.6]', undefined, { id: 'AUD-EXT' }) },
  },
  {
    rule: 'audit.clause-not-audited',
    notOk: {
      'clausemark.json': '{\n  "catalog": "./catalog.json",\n  «"certification"»: { "certifiedOn": "2025-03-10" }\n}\n',
      'catalog.json': MINI_CATALOG,
      'sms/aud.md': auditText('\n  kind: internal\n  auditor: Jane Roe\n  scope: [1.1]'),
      'sms/old.md': auditText('\n  kind: internal\n  auditor: Jane Roe\n  scope: [1.2]', undefined, { id: 'AUD-0', date: '2025-10-01' }),
    },
    ok: {
      'clausemark.json': '{ "catalog": "./catalog.json", "certification": { "certifiedOn": "2025-03-10" } }',
      'catalog.json': MINI_CATALOG,
      'sms/aud.md': auditText('\n  kind: internal\n  auditor: Jane Roe\n  scope: [1]'),
    },
  },
  {
    rule: 'review.management-review-overdue',
    notOk: { 'clausemark.json': CYCLE_CONFIG('{\n    "certifiedOn": "2025-03-10",\n    «"managementReviewMonths"»: 6\n  }'), 'sms/mr.md': REVIEW('2026-04-01') },
    ok: { 'clausemark.json': CYCLE_CONFIG('{\n    "certifiedOn": "2025-03-10",\n    "managementReviewMonths": 6\n  }'), 'sms/mr.md': REVIEW('2026-10-01') },
  },
  {
    rule: 'cycle.audit-overdue',
    notOk: { 'clausemark.json': CYCLE_CONFIG('{ "certifiedOn": "2025-03-10", "audits": [«{ "kind": "surveillance", "date": "2026-03-09" }», { "kind": "surveillance", "date": "2027-03-08" }] }') },
    ok: {
      'clausemark.json': CYCLE_CONFIG('{ "certifiedOn": "2025-03-10", "audits": [{ "kind": "surveillance", "date": "2026-03-09" }, { "kind": "surveillance", "date": "2027-03-08" }] }'),
      'sms/ext.md': auditText('\n  kind: surveillance\n  auditor: Certification Body\n  scope: [8]', undefined, { date: '2026-03-11' }),
    },
  },
  {
    rule: 'applicability.missing-justification',
    notOk: { 'clausemark.json': '{\n  "catalog": "iso27001:2022",\n  "applicability": { "iso27001:2022": { "A.7.5": { "applicable": false, "justification": «" "» }, «"A.7.6"»: { "applicable": false } } }\n}\n' },
    ok: { 'clausemark.json': '{\n  "catalog": "iso27001:2022",\n  "applicability": { "iso27001:2022": { "A.7.5": { "applicable": false, "justification": "No premises." }, "A.7.6": { "applicable": true } } }\n}\n' },
  },
  {
    rule: 'config.unknown-rule',
    notOk: { 'clausemark.json': '{\n  "rules": { «"clause.unknwn"»: "off", "clause.unknown": "warning" }\n}\n' },
    ok: { 'clausemark.json': '{ "rules": { "clause.unknown": "warning" } }' },
  },
];

/** Findings of one rule in an in-memory repository, as `file:range rule`. */
async function findingsOf(rule: string, files: Record<string, string>): Promise<string[]> {
  const { index } = await indexOf(files);
  return index.allFindings().filter((finding) => finding.ruleId === rule).map(describeFinding).sort();
}

describe('rules', () => {
  it('every rule has a case here (add one with each new rule)', () => {
    // internal.rule-failed: test/core/ruleFailure.test.ts; diagram.invalid-mermaid: test/core/diagrams.test.ts;
    // diagram.too-complex: test/core/diagramLimits.test.ts;
    // rules that judge a change against its base need git history: their cases are in test/change/changeRules.test.ts.
    const changeRules = RULES.filter((rule) => rule.scope === 'change').map((rule) => rule.id);
    const covered = new Set([...cases.map((c) => c.rule), 'internal.rule-failed', 'diagram.invalid-mermaid', 'diagram.too-complex', ...changeRules]);
    assert.deepEqual(RULES.map((rule) => rule.id).filter((id) => !covered.has(id)), []);
  });

  for (const ruleCase of cases) {
    describe(ruleCase.rule, () => {
      it('reports each marked range, and nothing else', async () => {
        const files: Record<string, string> = {};
        const expected: string[] = [...(ruleCase.expect ?? [])];
        for (const [path, source] of Object.entries(ruleCase.notOk)) {
          const { text, ranges } = markedText(source);
          files[path] = text;
          for (const range of ranges) expected.push(`${path}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column} ${ruleCase.rule}`);
        }
        assert.ok(expected.length > 0, 'the case marks at least one expected finding');
        assert.deepEqual(await findingsOf(ruleCase.rule, files), expected.sort());
      });

      it('stays quiet on a repository that keeps the rule', async () => {
        assert.deepEqual(await findingsOf(ruleCase.rule, ruleCase.ok), []);
      });
    });
  }

  it('reports nothing for a rule that is turned off, and a changed severity for one that is not', async () => {
    const files = {
      'clausemark.json': '{ "rules": { "clause.unknown": "off", "control.review-overdue": "info" } }',
      'sms/a.md': documentText({ clauses: '\n  - 8.6.4', next_review: '2026-01-01' }),
    };
    const { index } = await indexOf(files);
    const findings = index.allFindings();
    assert.equal(findings.filter((f) => f.ruleId === 'clause.unknown').length, 0);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'control.review-overdue').map((f) => f.severity), ['info']);
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
    assert.deepEqual(duplicates.map((f) => [f.file, f.related?.[0]?.file]), [['sms/a.md', 'sms/b.md'], ['sms/b.md', 'sms/a.md']]);
  });
});
