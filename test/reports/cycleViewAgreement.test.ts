import assert from 'node:assert/strict';
import { buildAuditPack } from '../../src/core/audit/auditPack.js';
import type { ReadinessReport } from '../../src/core/cycle/readiness.js';
import { renderAuditMarkdown } from '../../src/core/reports/auditMarkdown.js';
import type { JsonReport } from '../../src/core/reports/jsonReport.js';
import { clausemarkInProcess } from '../support/cli.js';
import { ACME_ROOT, acmeResult } from './acme.js';

// `check --format json`, `readiness --format json` and the audit pack all render the one cycle state of the example
// (as of 2026-11-21); read back, they must say the same of the audits, nonconformities and management reviews.

/** The rows of the audit pack's Markdown nonconformity register, by header. */
function registerRows(markdown: string): Record<string, string>[] {
  const section = markdown.slice(markdown.indexOf('### Nonconformity register'), markdown.indexOf('### Management review log'));
  const lines = section.split('\n').filter((line) => line.startsWith('| '));
  const cells = (line: string): string[] =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.replace(/\\(.)/g, '$1'));
  const headers = cells(lines[0]!);
  return lines.slice(2).map((line) => Object.fromEntries(cells(line).map((cell, index) => [headers[index]!, cell])));
}

describe('the certification cycle agrees across check JSON, readiness JSON and the audit pack', function () {
  this.timeout(60_000);
  let cycle: NonNullable<JsonReport['cycle']>;
  let readiness: ReadinessReport;
  let packMarkdown: string;

  before(async () => {
    const check = await clausemarkInProcess(['check', ACME_ROOT, '--today', '2026-11-21', '--format', 'json', '--fail-on', 'never', '--no-cache']);
    assert.equal(check.stderr, '');
    const report = JSON.parse(check.stdout) as JsonReport;
    assert.ok(report.cycle, 'the example has a certification cycle');
    cycle = report.cycle;
    const ready = await clausemarkInProcess(['readiness', ACME_ROOT, '--today', '2026-11-21', '--format', 'json', '--no-cache']);
    assert.equal(ready.stderr, '');
    readiness = JSON.parse(ready.stdout) as ReadinessReport;
    packMarkdown = renderAuditMarkdown(buildAuditPack(await acmeResult(), { toolVersion: '0.1.0' }));
  });

  it('shows what a person checking the example expects', () => {
    assert.deepEqual(cycle.nextAudit, { kind: 'surveillance', date: '2027-03-08', daysLeft: 107 });
    assert.deepEqual([cycle.certifiedOn, cycle.expiresOn], ['2025-03-10', '2028-03-10']);
    assert.deepEqual(
      cycle.nonconformities.filter((nc) => nc.overdue).map((nc) => nc.id),
      ['NC-2026-03'],
    );
    assert.deepEqual(
      cycle.nonconformities.filter((nc) => nc.state === 'unverified').map((nc) => nc.id),
      ['NC-2026-04'],
    );
    assert.equal(cycle.plannedAudits[0]?.heldBy, 'RPT-AUD-2026-S1');
  });

  it('names the same next audit, days left and last management review as readiness', () => {
    assert.deepEqual(cycle.nextAudit, { kind: readiness.audit.kind, date: readiness.audit.date, daysLeft: readiness.audit.daysLeft });
    assert.ok(cycle.lastManagementReview);
    assert.deepEqual({ documentId: cycle.lastManagementReview.documentId, date: cycle.lastManagementReview.date }, readiness.lastManagementReview);
  });

  it('lists the same nonconformities as readiness, and each one overdue today blocks the audit', () => {
    const written = (nc: { id?: string | null; clause?: string | null; grade?: string | null; status?: string | null; due?: string | null }) => [
      nc.id ?? null,
      nc.clause ?? null,
      nc.grade ?? null,
      nc.status ?? null,
      nc.due ?? null,
    ];
    assert.deepEqual(cycle.nonconformities.map(written), readiness.nonconformities.map(written));
    const blocking = new Set(readiness.items.filter((item) => item.section === 'nonconformities' && item.blocks).map((item) => item.subject));
    for (const nc of cycle.nonconformities) if (nc.overdue) assert.ok(blocking.has(nc.id!), `${nc.id} is overdue today, so it blocks`);
  });

  it("gives each nonconformity the same values and state as the audit pack's register", () => {
    const rows = registerRows(packMarkdown);
    assert.equal(rows.length, cycle.nonconformities.length);
    cycle.nonconformities.forEach((nc, index) => {
      const row = rows[index]!;
      assert.deepEqual(
        [row.Id, row.Clause, row.Grade, row.Due, row.Status, row.State],
        [nc.id ?? '', nc.clause ?? '', nc.grade ?? '', nc.due ?? '', nc.status ?? '', nc.state],
        `register row ${index + 1}`,
      );
      assert.equal(row.State === 'overdue', nc.overdue, `${nc.id}: overdue in both`);
    });
  });

  it("has the certificate's dates and every audit held in the audit pack", () => {
    assert.match(packMarkdown, new RegExp(`Certified on ${cycle.certifiedOn}; the certificate runs to ${cycle.expiresOn}\\.`));
    const programmeHeader = packMarkdown
      .slice(packMarkdown.indexOf('### Audit programme'))
      .split('\n')
      .find((line) => line.startsWith('| Clause'))!;
    for (const audit of cycle.audits) assert.ok(programmeHeader.includes(`${audit.documentId} ${audit.date}`), `${audit.documentId} in the programme`);
    const reviews = packMarkdown.slice(packMarkdown.indexOf('### Management review log'));
    assert.ok(reviews.includes(`| ${cycle.lastManagementReview!.documentId} | ${cycle.lastManagementReview!.date} |`));
  });
});
