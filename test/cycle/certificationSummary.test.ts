import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificationOfIndex } from '../../src/core/certificationOfIndex.js';
import { jsonCycle } from '../../src/core/reports/jsonCycle.js';
import { clausemarkInProcess } from '../support/cli.js';
import { documentText, indexOf } from '../support/repository.js';
import { ACME_ROOT, acmeResult } from '../reports/acme.js';
import type { ReadinessReport } from '../../src/core/cycle/readiness.js';

// The Certification view's model for the example, as of 2026-11-21: plain data, rendered from the cycle and readiness.

describe('the Certification view model of the example', function () {
  this.timeout(60_000);

  it('is plain data that survives JSON, as a language server would send it', async () => {
    const result = await acmeResult();
    const summary = certificationOfIndex(result.index, result.project.root);
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
  });

  it('names the next audit, days left and verdict that `clausemark readiness` gives', async () => {
    const result = await acmeResult();
    const summary = certificationOfIndex(result.index, result.project.root);
    const ready = await clausemarkInProcess(['readiness', ACME_ROOT, '--today', '2026-11-21', '--format', 'json', '--no-cache']);
    const report = JSON.parse(ready.stdout) as ReadinessReport;
    assert.deepEqual(summary.nextAudit, { kind: 'surveillance', date: '2027-03-08', daysLeft: 107, verdict: 'blocked', blockers: report.blockers });
    assert.equal(report.blockers, 26);
    // Every blocking item of the report, in its order, grouped by section.
    const shown = summary.blockers.flatMap((group) => group.items.map((item) => [group.section, item.message]));
    assert.deepEqual(
      shown,
      report.items.filter((item) => item.blocks).map((item) => [item.section, item.message]),
    );
    assert.deepEqual(
      summary.blockers.map((group) => group.title),
      [
        'Documents due for review before the audit',
        'Evidence stale by the audit',
        'Nonconformities open or overdue by the audit',
        'Clauses not internally audited within the window',
      ],
    );
    assert.deepEqual([summary.certifiedOn, summary.expiresOn], ['2025-03-10', '2028-03-10']);
    assert.deepEqual(summary.lastManagementReview, {
      documentId: 'REC-MRV-2026-10',
      date: '2026-10-22',
      location: { path: 'sms/records/management-reviews/2026-10-22-management-review-minutes.md' },
    });
  });

  it('lists the open nonconformities, overdue first, each linked to its id in the audit report', async () => {
    const result = await acmeResult();
    const summary = certificationOfIndex(result.index, result.project.root);
    assert.deepEqual(
      summary.openNonconformities.map((nc) => [nc.id, nc.state, nc.grade, nc.clause, nc.due]),
      [
        ['NC-2026-03', 'overdue', 'minor', '8.5.1.3', '2026-09-30'],
        ['NC-2026-09', 'open', 'minor', '7.6', '2027-01-31'],
        ['NC-2026-10', 'open', 'minor', '8.3.2', '2027-01-31'],
        ['NC-2026-11', 'open', 'minor', '7.5.2', '2027-01-31'],
      ],
    );
    for (const nc of summary.openNonconformities) {
      const text = readFileSync(join(ACME_ROOT, nc.location.path), 'utf8');
      assert.equal(text.slice(nc.location.range!.start.offset, nc.location.range!.end.offset), nc.id, `${nc.id} links to its id`);
    }
    // The same findings `check --format json` calls open and that are nonconformities (major or minor).
    const cycle = jsonCycle(result.index.cycle())!;
    assert.deepEqual(
      summary.openNonconformities.map((nc) => nc.id).sort(),
      cycle.nonconformities
        .filter((nc) => nc.status === 'open' && (nc.grade === 'minor' || nc.grade === 'major'))
        .map((nc) => nc.id)
        .sort(),
    );
    // A blocking nonconformity links to the finding, not only to its report.
    const blocker = summary.blockers.find((group) => group.section === 'nonconformities')!.items.find((item) => item.subject === 'NC-2026-03');
    assert.deepEqual(blocker?.location, summary.openNonconformities[0]!.location);
  });

  it('says why there is no next audit in a repository without a certification block', async () => {
    const { index } = await indexOf({ 'clausemark.json': '{}', 'sms/inc.md': documentText() });
    const summary = certificationOfIndex(index, '/repo');
    assert.equal(summary.nextAudit, undefined);
    assert.match(summary.noAudit ?? '', /no `certification` block/);
    assert.deepEqual([summary.blockers, summary.openNonconformities], [[], []]);
  });
});
