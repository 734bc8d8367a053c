import assert from 'node:assert/strict';
import { renderJson, type JsonReport } from '../../src/core/reports/jsonReport.js';
import { ruleDocsUrl } from '../../src/core/rules/ruleDefinitions.js';
import { acmeInput } from './acme.js';
import { makeInput } from './fixtures.js';

function walk(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      walk(child, visit);
    }
  }
}

describe('JSON report', () => {
  it('parses, is 2-space indented with a trailing newline, and counts match', () => {
    const text = renderJson(makeInput());
    assert.ok(text.endsWith('}\n'));
    assert.match(text, /^\{\n {2}"tool": \{\n {4}"name": "clausemark",/);
    const report = JSON.parse(text) as JsonReport;
    assert.deepEqual(report.tool, { name: 'clausemark', version: '1.2.3' });
    assert.equal(report.root, '/work/acme repo');
    assert.deepEqual(report.catalog, { id: 'mini:2024', title: 'Mini <standard> & "friends"' });
    assert.equal(report.today, '2026-11-21');
    assert.deepEqual(report.summary, {
      files: 7,
      documents: 5,
      errors: 2,
      warnings: 2,
      infos: 1,
      coverage: { leaves: 4, covered: 1, atRisk: 0, partial: 1, uncovered: 1, excluded: 1, percent: 33.3 },
    });
    assert.equal(report.findings.length, 5);
    assert.equal(report.coverage.length, 4);
  });

  it('publishes 1-based ranges without offsets, docs URLs and related locations', () => {
    const report = JSON.parse(renderJson(makeInput())) as JsonReport;
    walk(report, (key) => assert.notEqual(key, 'offset'));
    walk(report, (key) => assert.notEqual(key, 'claimRange'));
    const overdue = report.findings.find((f) => f.ruleId === 'control.review-overdue');
    assert.deepEqual(overdue?.range, { start: { line: 10, column: 14 }, end: { line: 10, column: 24 } });
    assert.equal(overdue?.docsUrl, ruleDocsUrl('control.review-overdue'));
    const duplicate = report.findings.find((f) => f.ruleId === 'trace.duplicate-id');
    assert.deepEqual(duplicate?.related, [
      { file: 'sms/other.md', range: { start: { line: 2, column: 5 }, end: { line: 2, column: 10 } }, message: 'first defined here' },
    ]);
    const repository = report.findings.find((f) => f.file === '.');
    assert.ok(repository);
    assert.equal('range' in repository, false);
  });

  it('lists coverage with documents and evidence', () => {
    const report = JSON.parse(renderJson(makeInput())) as JsonReport;
    const operation = report.coverage.find((c) => c.clause === '1.2');
    assert.deepEqual(operation?.documents, [
      {
        id: 'PRC-OPS',
        title: 'Operations <b>bold</b>',
        path: 'sms/processes/ops.md',
        type: 'process',
        status: 'approved',
        control: { approval: 'in-force', review: 'current', label: 'approved', defects: [] },
      },
    ]);
    assert.deepEqual(operation?.evidence, [
      { documentId: 'PRC-OPS', path: 'records/old.md', date: '2020-01-01', state: 'stale' },
      { documentId: 'PRC-OPS', url: 'https://tracker.example/board', state: 'undated' },
    ]);
    assert.equal(report.coverage.find((c) => c.clause === '2.2')?.exclusion, 'not in scope');
  });

  it('renders the example repository with matching counts', async () => {
    const input = await acmeInput();
    const report = JSON.parse(renderJson(input)) as JsonReport;
    assert.equal(report.findings.length, input.findings.length);
    const count = (severity: string): number => input.findings.filter((f) => f.severity === severity).length;
    assert.equal(report.summary.errors, count('error'));
    assert.equal(report.summary.warnings, count('warning'));
    assert.equal(report.summary.infos, count('info'));
    assert.equal(report.summary.coverage.percent, 84.2);
    assert.equal(report.summary.coverage.atRisk, 5);
    assert.equal(report.coverage.length, 57);
    for (const f of report.findings) {
      if (f.range) assert.ok(f.range.start.line >= 1 && f.range.start.column >= 1);
    }
    assert.equal(renderJson(input), renderJson(input), 'deterministic');
  });
});
