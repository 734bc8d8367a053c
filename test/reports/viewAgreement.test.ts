import assert from 'node:assert/strict';
import { buildAuditPack } from '../../src/core/audit/auditPack.js';
import type { ClauseStatus, CoverageSummary } from '../../src/core/coverage/coverageReport.js';
import { clauseTooltip, documentDescription, groupStatus, statusBarContent } from '../../src/core/coverage/editorCoverage.js';
import { renderAuditHtml } from '../../src/core/reports/auditHtml.js';
import { renderAuditMarkdown } from '../../src/core/reports/auditMarkdown.js';
import { renderCoverageCsv } from '../../src/core/reports/coverageCsv.js';
import { renderCoverageHtml } from '../../src/core/reports/coverageHtml.js';
import { buildCoverageJson } from '../../src/core/reports/coverageJson.js';
import { renderCoverageMarkdown } from '../../src/core/reports/coverageMarkdown.js';
import { buildJsonReport } from '../../src/core/reports/jsonReport.js';
import { renderJunit } from '../../src/core/reports/junitReport.js';
import { renderMarkdown } from '../../src/core/reports/markdownReport.js';
import type { ReportInput } from '../../src/core/reports/reportInput.js';
import { buildSarif } from '../../src/core/reports/sarifReport.js';
import { renderText } from '../../src/core/reports/textReport.js';
import { parseCsv } from '../support/csv.js';
import { acmeInput, acmeResult } from './acme.js';

// Every view of the bundled example (as of 2026-11-21), read back the way a person or a tool reads it, must give each
// leaf clause the same state and evidence count, and the same summary, as the one model in src/core.

/** What a view says of one clause. */
interface ClauseView {
  readonly status: ClauseStatus | 'mixed';
  /** `3 (1 missing)`, where the view shows evidence. */
  readonly evidence?: string;
}

type Summary = Pick<CoverageSummary, 'covered' | 'atRisk' | 'partial' | 'uncovered' | 'percent'>;

/** The rule of each clause-state finding, as the README's Coverage table gives it. */
const STATE_OF_RULE: Record<string, ClauseStatus> = {
  'coverage.uncovered-clause': 'uncovered',
  'coverage.partial-clause': 'partial',
  'coverage.missing-document-type': 'partial',
  'coverage.missing-records': 'partial',
  'coverage.at-risk-clause': 'at-risk',
};

/** `48 of 57 leaf clauses covered (84.2%), 5 at-risk, 2 partial, 2 uncovered`, wherever it is written. */
function summaryFromText(text: string): Summary {
  const match = /(\d+) of \d+ leaf clauses covered \(([\d.]+)%\), (\d+) at-risk, (\d+) partial, (\d+) uncovered/.exec(text);
  assert.ok(match, `a coverage summary in: ${text.slice(0, 200)}`);
  return { covered: Number(match[1]), percent: Number(match[2]), atRisk: Number(match[3]), partial: Number(match[4]), uncovered: Number(match[5]) };
}

function summaryOf(summary: CoverageSummary): Summary {
  return { covered: summary.covered, atRisk: summary.atRisk, partial: summary.partial, uncovered: summary.uncovered, percent: summary.percent };
}

/** The pull-request comment's summary cell: `84.2% (48 of 57 leaf clauses; 5 at-risk, 2 partial, 2 uncovered)`. */
function commentSummary(comment: string): Summary {
  const match = /([\d.]+)% \((\d+) of \d+ leaf clauses; (\d+) at-risk, (\d+) partial, (\d+) uncovered/.exec(comment);
  assert.ok(match, 'the comment has a coverage cell');
  return { percent: Number(match[1]), covered: Number(match[2]), atRisk: Number(match[3]), partial: Number(match[4]), uncovered: Number(match[5]) };
}

/** States from clause-state findings (text, SARIF): every leaf without one is covered (the example excludes none). */
function statesFromFindings(leaves: readonly string[], found: readonly (readonly [clause: string, status: ClauseStatus])[]): Map<string, ClauseView> {
  const views = new Map<string, ClauseView>(leaves.map((leaf) => [leaf, { status: 'covered' }]));
  for (const [clause, status] of found) {
    const before = views.get(clause)?.status;
    assert.ok(before === 'covered' || before === status, `${clause}: one state from all its findings (${before}, ${status})`);
    views.set(clause, { status });
  }
  return views;
}

/** Rows of a Markdown table with `columns` cells whose first cell is a clause id. */
function markdownRows(markdown: string, columns: number): string[][] {
  return (
    markdown
      .split('\n')
      // The audit pack puts an anchor before the clause number, for its diagrams and findings to link to.
      .map((line) => line.replace(/^\| <a id="[^"]*"><\/a>/, '| '))
      .filter((line) => /^\| \d+(?:\.\d+)* \|/.test(line))
      .map((line) => line.slice(2, -2).split(' | '))
      .filter((cells) => cells.length === columns)
  );
}

/** The clause rows of an HTML coverage table (the coverage page and the audit pack share the row markup). */
function htmlRows(html: string): Map<string, ClauseView> {
  const rows = new Map<string, ClauseView>();
  for (const match of html.matchAll(/<tr class="([a-z-]+)"(?: id="[^"]*")?><td class="clause">([\d.]+)<\/td>.*?<td class="num">(.*?)<\/td>/g)) {
    const evidence = match[3]!.replace(/<br><small class="muted">(.*?)<\/small>/, ' $1');
    rows.set(match[2]!, { status: match[1] as ClauseStatus, evidence });
  }
  return rows;
}

/** The counts on the HTML summary cards. */
function htmlCards(html: string): Summary {
  const card = (name: string): number => Number(new RegExp(`<li class="${name}"><strong>(\\d+)</strong>`).exec(html)?.[1]);
  const percent = Number(/<li class="percent"><strong>([\d.]+)%<\/strong>/.exec(html)?.[1]);
  return { covered: card('covered'), atRisk: card('at-risk'), partial: card('partial'), uncovered: card('uncovered'), percent };
}

describe('every view of the example agrees with the one compliance model', function () {
  this.timeout(60_000);
  let input: ReportInput;
  let leaves: string[];
  const views = new Map<string, { readonly clauses: Map<string, ClauseView>; readonly summary: Summary }>();

  before(async () => {
    input = await acmeInput();
    const result = await acmeResult();
    leaves = input.coverage.clauses.map((clause) => clause.clause);
    const pack = buildAuditPack(result, { toolVersion: '0.1.0' });

    const text = renderText(input, { color: false });
    const textFindings = [...text.matchAll(/^ {2}(?:error|warning|info) {2}(coverage\.[a-z-]+) +([\d.]+) /gm)].map(
      (match) => [match[2]!, STATE_OF_RULE[match[1]!]!] as const,
    );
    views.set('text', { clauses: statesFromFindings(leaves, textFindings), summary: summaryFromText(text.trimEnd().split('\n').at(-1)!) });

    const json = buildJsonReport(input);
    views.set('json', {
      clauses: new Map(
        json.coverage.map((clause) => [
          clause.clause,
          { status: clause.status, evidence: evidenceWords(clause.evidenceCount.linked, clause.evidenceCount.unusable) },
        ]),
      ),
      summary: summaryOf(json.summary.coverage),
    });

    const sarif = buildSarif(input).runs[0]!;
    const sarifStates = (sarif.results ?? []).flatMap((result) => {
      const properties = result.properties as { clause?: string; clauseState?: ClauseStatus } | undefined;
      if (properties?.clause === undefined) return [];
      assert.equal(properties.clauseState, STATE_OF_RULE[result.ruleId ?? ''], `${result.ruleId} reports ${properties.clauseState}`);
      return [[properties.clause, properties.clauseState!] as const];
    });
    views.set('sarif', { clauses: statesFromFindings(leaves, sarifStates), summary: summaryOf((sarif.properties as { coverage: CoverageSummary }).coverage) });

    const comment = renderMarkdown(input);
    const open = new Map(markdownRows(comment.slice(comment.indexOf('### Coverage gaps')), 4).map((cells) => [cells[0]!, cells[2] as ClauseStatus]));
    views.set('markdown comment', {
      clauses: new Map(leaves.map((leaf) => [leaf, { status: open.get(leaf) ?? 'covered' }])),
      summary: commentSummary(comment),
    });

    const matrix = renderCoverageMarkdown(input);
    views.set('coverage markdown', {
      clauses: new Map(markdownRows(matrix, 6).map((cells) => [cells[0]!, { status: cells[2] as ClauseStatus, evidence: cells[4]! }])),
      summary: summaryFromText(matrix),
    });

    const html = renderCoverageHtml(input);
    views.set('coverage html', { clauses: htmlRows(html), summary: htmlCards(html) });

    const csv = parseCsv(renderCoverageCsv(input)).slice(1);
    views.set('coverage csv', {
      clauses: new Map(csv.map((row) => [row[0]!, { status: row[2] as ClauseStatus, evidence: csvEvidence(row, input) }])),
      summary: summaryOf(input.coverage.summary),
    });

    const coverageJson = buildCoverageJson(input);
    views.set('coverage json', {
      clauses: new Map(
        coverageJson.clauses.map((clause) => [
          clause.clause,
          { status: clause.status, evidence: evidenceWords(clause.evidenceCount.linked, clause.evidenceCount.unusable) },
        ]),
      ),
      summary: summaryOf(coverageJson.summary),
    });

    const auditMarkdown = renderAuditMarkdown(pack);
    const statement = auditMarkdown.slice(auditMarkdown.indexOf('## Statement of coverage'), auditMarkdown.indexOf('## Traceability'));
    views.set('audit pack markdown', {
      clauses: new Map(markdownRows(statement, 6).map((cells) => [cells[0]!, { status: cells[2] as ClauseStatus, evidence: cells[4]! }])),
      summary: summaryFromText(auditMarkdown),
    });

    const auditHtml = renderAuditHtml(pack, { mermaidScript: '', nonce: 'test' });
    views.set('audit pack html', { clauses: htmlRows(auditHtml), summary: htmlCards(auditHtml) });

    const catalog = result.project.catalog;
    const editor = new Map<string, ClauseView>();
    for (const clause of input.coverage.clauses) {
      const status = groupStatus(catalog, result.coverage, clause.clause);
      const tooltip = clauseTooltip(clause.clause, clause.title, status, clause);
      assert.ok(tooltip.startsWith(`${clause.clause} ${clause.title}: ${status}\n`), tooltip);
      editor.set(clause.clause, { status, evidence: /^Evidence: (.*)$/m.exec(tooltip)?.[1] ?? '' });
    }
    views.set('editor tree and status bar', { clauses: editor, summary: summaryFromText(statusBarContent([result.coverage])!.tooltip) });

    views.set('junit', {
      clauses: new Map(leaves.map((leaf) => [leaf, { status: input.coverage.clauses.find((c) => c.clause === leaf)!.status }])),
      summary: summaryFromText(renderJunit(input)),
    });
  });

  it('gives the states a person checking the example expects', () => {
    const states = Object.fromEntries(input.coverage.clauses.filter((clause) => clause.status !== 'covered').map((clause) => [clause.clause, clause.status]));
    assert.deepEqual(states, {
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
    assert.deepEqual(summaryOf(input.coverage.summary), { covered: 48, atRisk: 5, partial: 2, uncovered: 2, percent: 84.2 });
  });

  it('shows every clause in the same state in every view', () => {
    for (const [name, view] of views) {
      for (const clause of input.coverage.clauses) assert.equal(view.clauses.get(clause.clause)?.status, clause.status, `${name}: ${clause.clause}`);
      assert.equal(view.clauses.size, leaves.length, `${name}: one entry per leaf clause`);
    }
  });

  it("counts each clause's evidence the same way wherever evidence is shown", () => {
    const model = new Map(input.coverage.clauses.map((clause) => [clause.clause, evidenceWords(clause.evidenceCount.linked, clause.evidenceCount.unusable)]));
    assert.equal(model.get('8.5.3'), '3 (1 missing)');
    for (const [name, view] of views) {
      for (const [clause, shown] of view.clauses)
        if (shown.evidence !== undefined) assert.equal(shown.evidence, model.get(clause), `${name}: evidence of ${clause}`);
    }
  });

  it("gives the same summary in every view, and it adds up to the clauses' states", () => {
    const expected = summaryOf(input.coverage.summary);
    const count = (status: ClauseStatus): number => input.coverage.clauses.filter((clause) => clause.status === status).length;
    assert.deepEqual(
      [expected.covered, expected.atRisk, expected.partial, expected.uncovered],
      [count('covered'), count('at-risk'), count('partial'), count('uncovered')],
    );
    for (const [name, view] of views) assert.deepEqual(view.summary, expected, name);
  });

  it('never calls a document approved whose approval is not in force', async () => {
    const result = await acmeResult();
    const problem = input.coverage.clauses.find((clause) => clause.clause === '8.6.3')!.documents.find((document) => document.id === 'PRC-PRB')!;
    assert.equal(documentDescription(problem), 'process · approval incomplete');
    const pack = buildAuditPack(result, { toolVersion: '0.1.0' });
    assert.equal(pack.documents.find((document) => document.id === 'PRC-PRB')?.status, 'approval incomplete');
    for (const [name, text] of [
      ['coverage markdown', renderCoverageMarkdown(input)],
      ['coverage html', renderCoverageHtml(input)],
      ['coverage csv', renderCoverageCsv(input)],
      ['audit pack markdown', renderAuditMarkdown(pack)],
    ] as const) {
      assert.doesNotMatch(text, /PRC-PRB(?:<\/code>[^<]*<small>| )\(approved\)/, name);
      assert.match(text, /PRC-PRB(?:<\/code>[^<]*<small>| )\(approval incomplete\)/, name);
    }
  });
});

/** `3 (1 missing)` from a count and the unusable items by state. */
function evidenceWords(linked: number, unusable: Readonly<Record<string, number | undefined>>): string {
  const parts = Object.entries(unusable).map(([state, count]) => `${count} ${state}`);
  return `${linked}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** The CSV gives the linked and the usable count; the rest is what the model says does not count. */
function csvEvidence(row: readonly string[], input: ReportInput): string {
  const clause = input.coverage.clauses.find((entry) => entry.clause === row[0])!;
  const unusable = Object.values(clause.evidenceCount.unusable).reduce((sum: number, count) => sum + (count ?? 0), 0);
  assert.equal(Number(row[4]) - Number(row[5]), unusable, `CSV ${row[0]}: linked minus usable is what does not count`);
  return evidenceWords(Number(row[4]), clause.evidenceCount.unusable);
}
