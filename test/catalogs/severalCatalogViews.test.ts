import assert from 'node:assert/strict';
import { reportInputFor } from '../../src/cli/reportInputFor.js';
import { buildAuditPack } from '../../src/core/audit/auditPack.js';
import { assessReadiness } from '../../src/core/cycle/readiness.js';
import { renderAuditMarkdown } from '../../src/core/reports/auditMarkdown.js';
import type { CheckResult } from '../../src/core/check.js';
import type { CoverageSummary } from '../../src/core/coverage/coverageReport.js';
import { coverageSummaryText, formatPercent } from '../../src/core/coverage/coverageText.js';
import { catalogStatusBarContent, statusBarContent } from '../../src/core/coverage/editorCoverage.js';
import { coverageJsonOf, type SeveralCatalogsCoverageJson } from '../../src/core/reports/coverageJson.js';
import { renderCoverageCsv } from '../../src/core/reports/coverageCsv.js';
import { renderCoverageMarkdown } from '../../src/core/reports/coverageMarkdown.js';
import { buildJsonReport } from '../../src/core/reports/jsonReport.js';
import { renderMarkdown } from '../../src/core/reports/markdownReport.js';
import { buildSarif } from '../../src/core/reports/sarifReport.js';
import { renderText } from '../../src/core/reports/textReport.js';
import { parseCsv } from '../support/csv.js';
import { checkOf, threeCatalogRepository } from './support.js';

function counts(summary: CoverageSummary): number[] {
  return [summary.leaves, summary.covered, summary.atRisk, summary.partial, summary.uncovered, summary.excluded];
}

describe('a repository with three catalogs (20000-1, 27001 and a custom one)', () => {
  let result: CheckResult;
  before(async () => {
    result = await checkOf(threeCatalogRepository());
  });

  it('computes each catalog once, in config order, from the claims of its own catalog only', () => {
    assert.deepEqual(
      result.catalogs.map((coverage) => [coverage.alias, coverage.catalog.id, coverage.primary]),
      [
        ['20000', 'iso20000-1:2018', true],
        ['27001', 'iso27001:2022', false],
        ['TSC', 'tsc:2017', false],
      ],
    );
    assert.equal(result.catalogs[0]?.report, result.coverage);
    const iso27001 = result.catalogs[1]!.report;
    // A.5.24 and A.5.26 by alias mapping, A.5.15 by qualified id; nothing else of 27001, and 10.1 is not claimed.
    assert.deepEqual(
      iso27001.clauses
        .filter((clause) => clause.status !== 'uncovered')
        .map((clause) => [clause.clause, clause.status, clause.documents.map((d) => `${d.id}@${d.claimRange.start.line}:${d.claimRange.start.column}`)]),
      [
        ['A.5.15', 'covered', ['POL-ACC@13:5']],
        ['A.5.24', 'covered', ['PRC-INC@13:13']],
        ['A.5.26', 'covered', ['PRC-INC@13:21']],
      ],
    );
    assert.deepEqual(counts(iso27001.summary), [123, 3, 0, 0, 120, 0]);
    const tsc = result.catalogs[2]!.report;
    assert.deepEqual(
      tsc.clauses.map((clause) => [clause.clause, clause.status]),
      [
        ['CC6.1', 'covered'],
        ['CC6.2', 'uncovered'],
      ],
    );
    // The primary counts bare ids and the 20000 mapping: 8.6.1 (PRC-INC) and 8.7.3.1 (POL-ACC), never A.5.x.
    const claimed = result.coverage.clauses.filter((clause) => clause.documents.length > 0).map((clause) => clause.clause);
    assert.deepEqual(claimed, ['8.6.1', '8.7.3.1']);
  });

  it("gives text, JSON, Markdown and SARIF the same summary per catalog, and SARIF each catalog's clause findings", () => {
    const input = reportInputFor(result);
    assert.equal(input.catalogs?.length, 3);
    const text = renderText(input, { color: false });
    const json = buildJsonReport(input);
    const markdown = renderMarkdown(input);
    const sarif = buildSarif(input);
    const run = sarif.runs[0]!;
    const sarifCatalogs = (run.properties as { catalogs: (CoverageSummary & { alias: string; catalog: string })[] }).catalogs;
    const uncoveredMessages = (run.results ?? []).filter((r) => r.ruleId === 'coverage.uncovered-clause').map((r) => r.message.text ?? '');
    for (const [index, coverage] of result.catalogs.entries()) {
      const summary = coverage.report.summary;
      assert.ok(text.includes(`Coverage of ${coverage.catalog.title}: ${coverageSummaryText(summary)}`), `text for ${coverage.alias}`);
      const fromJson = json.catalogs?.[index];
      assert.equal(fromJson?.alias, coverage.alias);
      assert.deepEqual(counts(fromJson.summary), counts(summary));
      assert.deepEqual(
        fromJson?.coverage.map((clause) => [clause.clause, clause.status]),
        coverage.report.clauses.map((clause) => [clause.clause, clause.status]),
      );
      assert.deepEqual([sarifCatalogs[index]?.alias, ...counts(sarifCatalogs[index]!)], [coverage.alias, ...counts(summary)]);
      const own = uncoveredMessages.filter((message) => (coverage.primary ? !/^(27001|TSC):/.test(message) : message.startsWith(`${coverage.alias}:`)));
      assert.equal(own.length, summary.uncovered, `SARIF uncovered findings of ${coverage.alias}`);
      if (!coverage.primary) {
        assert.ok(markdown.includes(`Catalog \`${coverage.alias}\`: ${coverage.catalog.title}:`), `markdown for ${coverage.alias}`);
        assert.match(
          markdown,
          new RegExp(
            `${coverage.alias}\`: [^\\n]*\\(${summary.covered} of ${summary.leaves - summary.excluded} leaf clauses; ${summary.atRisk} at-risk, ${summary.partial} partial, ${summary.uncovered} uncovered`,
          ),
        );
      }
    }
    assert.ok(
      uncoveredMessages.includes('TSC:CC6.2 User registration: no document addresses this clause.'),
      uncoveredMessages.filter((m) => m.startsWith('TSC')).join('\n'),
    );
  });

  it('writes the coverage matrix of each catalog (Markdown, JSON, CSV), and one alone with --catalog', () => {
    const input = reportInputFor(result);
    const markdown = renderCoverageMarkdown(input);
    assert.deepEqual(
      markdown.split('\n').filter((line) => line.startsWith('# ')),
      [
        '# Clause coverage: ISO/IEC 20000-1:2018 Service management system requirements',
        '# Clause coverage: ISO/IEC 27001:2022 Information security management system requirements',
        '# Clause coverage: Trust services criteria',
      ],
    );
    const json = coverageJsonOf(input) as SeveralCatalogsCoverageJson;
    assert.deepEqual(
      json.catalogs.map((part) => [part.alias, part.catalog.id, part.clauses.length]),
      [
        ['20000', 'iso20000-1:2018', 57],
        ['27001', 'iso27001:2022', 123],
        ['TSC', 'tsc:2017', 2],
      ],
    );
    const csv = parseCsv(renderCoverageCsv(input));
    assert.deepEqual(csv[0]?.slice(0, 2), ['Catalog', 'Clause']);
    assert.deepEqual(
      csv.filter((row) => row[0] === 'TSC').map((row) => [row[1], row[3]]),
      [
        ['CC6.1', 'covered'],
        ['CC6.2', 'uncovered'],
      ],
    );

    const only = reportInputFor(result, '27001');
    assert.equal(only.catalogs, undefined);
    assert.equal(only.coverage.catalog.id, 'iso27001:2022');
    assert.ok(only.findings.every((finding) => !finding.ruleId.startsWith('coverage.') || finding.data?.catalog === '27001'));
    assert.equal(only.findings.filter((finding) => finding.ruleId === 'coverage.uncovered-clause').length, 120);
    const single = coverageJsonOf(only);
    assert.equal('catalogs' in single, false);
    assert.throws(() => reportInputFor(result, '9001'), /no catalog of that alias \(20000, 27001, TSC\)/);
  });

  it('gives the audit pack a statement of coverage for each catalog after the primary', () => {
    const pack = buildAuditPack(result, { toolVersion: 'test' });
    assert.deepEqual(
      pack.otherCatalogs.map((other) => [other.alias, other.summary.covered, other.clauses.length]),
      [
        ['27001', 3, 123],
        ['TSC', 1, 2],
      ],
    );
    const markdown = renderAuditMarkdown(pack);
    assert.ok(markdown.includes('## Statement of coverage: Trust services criteria (`TSC`)'));
    assert.ok(markdown.includes('| <a id="clause-TSC_CC6.2"></a>CC6.2 | User registration | uncovered |'));
    assert.ok(markdown.includes('| <a id="clause-27001_A.5.24"></a>A.5.24 |'));
  });

  it("puts each catalog's percentage in the status bar, never one mixed figure", () => {
    const content = catalogStatusBarContent([result.catalogs]);
    const percents = result.catalogs.map((coverage) => `${coverage.alias} ${formatPercent(coverage.report.summary.percent)}`);
    assert.equal(content?.text, `$(checklist) ${percents.join(' · ')}`);
    assert.ok(content?.tooltip.includes(`27001: ${coverageSummaryText(result.catalogs[1]!.report.summary)}`));
    assert.deepEqual(catalogStatusBarContent([[result.catalogs[0]!]]), statusBarContent([result.coverage]));
  });

  it('lets a Stage 1 readiness check the required documents of every catalog, each qualified', () => {
    const report = assessReadiness(
      {
        documents: result.index.documents(),
        catalog: result.project.catalog,
        config: result.project.config,
        coverage: result.coverage,
        otherCatalogs: result.catalogs.slice(1),
        today: result.today,
      },
      { kind: 'stage1', date: '2026-12-01', planned: false },
    );
    const mandatory = report.items.filter((item) => item.section === 'mandatory-documents');
    assert.ok(
      mandatory.some((item) => item.subject === '27001:6.1.3' && item.blocks && /^27001:6\.1\.3 Statement of Applicability .*: missing/.test(item.message)),
    );
    // TSC CC6.1 needs a policy, and POL-ACC is one.
    assert.deepEqual(
      mandatory.filter((item) => item.subject.startsWith('TSC:')).map((item) => [item.subject, item.blocks]),
      [['TSC:CC6.1', false]],
    );
    assert.ok(
      mandatory.some((item) => item.subject === '8.2.4'),
      'the primary catalog stays bare',
    );
  });

  it('keeps single-catalog reports as they were: no `catalogs` anywhere', async () => {
    const single = await checkOf({
      'sms/incident.md': threeCatalogRepository()['sms/incident.md']!.replace(/clauses:[\s\S]*?\n---/, 'clauses:\n  - 8.6.1\n---'),
    });
    assert.equal(single.catalogs.length, 1);
    const input = reportInputFor(single);
    assert.equal(input.catalogs, undefined);
    assert.equal(buildJsonReport(input).catalogs, undefined);
    assert.equal((buildSarif(input).runs[0]!.properties as Record<string, unknown>).catalogs, undefined);
    assert.deepEqual(buildAuditPack(single, { toolVersion: 'test' }).otherCatalogs, []);
  });
});
