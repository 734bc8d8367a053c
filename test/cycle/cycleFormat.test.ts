import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/config/loadProject.js';
import { readDocument } from '../support/readDocument.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';

const AUDIT = `---
id: AUD-2026-01
title: Internal audit
type: audit
owner: Internal Audit Lead
status: approved
date: 2026-05-14
audit:
  kind: Internal
  auditor: Jane Roe
  scope: [8.5, 8.6.1, 9.2]
findings:
  - id: NC-2026-07
    clause: 8.6.1
    grade: minor
    raised_on: 2026-05-14
    due: 2026-07-31
    status: closed
    action: PRC-INC
    verified_on: 2026-08-02
  - id: NC-2026-08
    grade: mjaor
---
`;

async function load(config: string) {
  const fs = new MemoryFileSystem({ '/repo/clausemark.json': config });
  fs.write('/repo/.git/HEAD', 'ref: refs/heads/main\n');
  return loadProject({ start: '/repo', fs });
}

describe('the certification-cycle format', () => {
  it('reads `audit:` and `findings:` with the values as written and where they stand', () => {
    const { document, findings } = readDocument('sms/aud.md', AUDIT, { inSmsFolder: true });
    assert.deepEqual(findings, []);
    assert.equal(document?.type?.value, 'audit');
    assert.equal(document?.audit?.kind?.value, 'internal');
    assert.equal(document?.audit?.auditor?.value, 'Jane Roe');
    assert.deepEqual(
      document?.audit?.scope.map((clause) => [clause.value, clause.range.start.line, clause.range.start.column]),
      [
        ['8.5', 11, 11],
        ['8.6.1', 11, 16],
        ['9.2', 11, 23],
      ],
    );
    assert.deepEqual(
      document?.findings?.map((finding) => [finding.id?.value, finding.grade?.value, finding.status?.value, finding.due?.value, finding.verifiedOn?.value]),
      [
        ['NC-2026-07', 'minor', 'closed', '2026-07-31', '2026-08-02'],
        ['NC-2026-08', 'mjaor', undefined, undefined, undefined],
      ],
    );
    assert.equal(document?.findings?.[1]?.grade?.range.start.line, 22);
  });

  it('reports an unknown audit kind and an unknown finding key at their positions', () => {
    const text = AUDIT.replace('kind: Internal', 'kind: inside').replace('    grade: mjaor', '    grade: major\n    owner: Ann');
    const { findings } = readDocument('sms/aud.md', text, { inSmsFolder: true });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range?.start.line, f.range?.start.column]),
      [
        ['frontmatter.invalid-field', 9, 9],
        ['frontmatter.unknown-field', 23, 5],
      ],
    );
  });

  it('takes the defaults and derives yearly surveillance and a recertification audit without `audits`', async () => {
    const result = await load('{ "certification": { "certifiedOn": "2025-03-10" } }');
    assert.ok(result.ok);
    assert.deepEqual(result.project.config.certification, {
      certifiedOn: '2025-03-10',
      cycleYears: 3,
      audits: [
        { kind: 'surveillance', date: '2026-03-10' },
        { kind: 'surveillance', date: '2027-03-10' },
        { kind: 'recertification', date: '2028-01-10' },
      ],
      auditsPlanned: false,
      internalAuditMonths: 12,
      managementReviewMonths: 12,
      expiresOn: '2028-03-10',
    });
  });

  it('keeps the planned audits in date order', async () => {
    const result = await load(
      '{ "certification": { "certifiedOn": "2025-03-10", "cycleYears": 2, "internalAuditMonths": 6, "audits": [{ "kind": "recertification", "date": "2027-01-15" }, { "kind": "surveillance", "date": "2026-03-09" }] } }',
    );
    assert.ok(result.ok);
    assert.deepEqual(result.project.config.certification?.audits, [
      { kind: 'surveillance', date: '2026-03-09' },
      { kind: 'recertification', date: '2027-01-15' },
    ]);
    assert.equal(result.project.config.certification?.internalAuditMonths, 6);
  });

  it('refuses a date that is not a calendar day, and a wrong kind, at their positions', async () => {
    const badDay = await load('{\n  "certification": {\n    "certifiedOn": "2025-02-30"\n  }\n}\n');
    assert.equal(badDay.ok, false);
    if (!badDay.ok) {
      assert.deepEqual(
        badDay.problems.map((p) => [p.file, p.range?.start.line, p.range?.start.column]),
        [['/repo/clausemark.json', 3, 20]],
      );
      assert.match(badDay.problems[0]?.message ?? '', /`certifiedOn` `2025-02-30` is not a calendar date/);
    }
    const badKind = await load(
      '{\n  "certification": {\n    "certifiedOn": "2025-03-10",\n    "audits": [\n      { "kind": "annual", "date": "2026-03-09" }\n    ]\n  }\n}\n',
    );
    assert.equal(badKind.ok, false);
    if (!badKind.ok)
      assert.deepEqual(
        badKind.problems.map((p) => p.range?.start.line),
        [5],
      );
    const noStart = await load('{ "certification": { "cycleYears": 3 } }');
    assert.equal(noStart.ok, false);
  });
});
