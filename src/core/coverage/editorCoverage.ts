import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { combineSummaries } from './clauseState.js';
import type { CatalogCoverage } from './catalogCoverage.js';
import type { AddressingDocument, ClauseCoverage, ClauseStatus, CoverageReport } from './coverageReport.js';
import { coverageSummaryText, evidenceText, formatPercent } from './coverageText.js';

// What the editor's coverage tree and status bar show, kept free of `vscode` so it is tested with the other views.

/** A parent clause's state: its leaves' one state when they agree, else the worst of them (`mixed` without leaves). */
export type GroupStatus = ClauseStatus | 'mixed';

const WORST_FIRST: readonly ClauseStatus[] = ['uncovered', 'partial', 'at-risk', 'covered', 'excluded'];

export function groupStatus(catalog: ClauseCatalog, coverage: CoverageReport, clauseId: string): GroupStatus {
  const byClause = new Map(coverage.clauses.map((clause) => [clause.clause, clause.status]));
  const statuses = new Set(catalog.leavesUnder(clauseId).map((leaf) => byClause.get(leaf.id) ?? 'uncovered'));
  if (statuses.size === 0) return 'mixed';
  return WORST_FIRST.find((status) => statuses.has(status)) ?? 'mixed';
}

/** The tooltip of a clause in the tree: id, title and state, then every reason for the state. */
export function clauseTooltip(id: string, title: string, status: GroupStatus, clause: ClauseCoverage | undefined): string {
  const lines = [`${id} ${title}: ${status}`];
  if (clause) {
    lines.push(`Evidence: ${evidenceText(clause)}`);
    if (clause.reasons.length > 0) lines.push(clause.reasons.map((reason) => `- ${reason.text}`).join('\n'));
  }
  return lines.join('\n\n');
}

/** `process · approval incomplete`: the description of a document under a clause. */
export function documentDescription(document: AddressingDocument): string {
  return `${document.type ?? 'no type'} · ${document.control.label}${document.viaCrosswalk !== undefined ? ` · via crosswalk from ${document.viaCrosswalk}` : ''}`;
}

/** Whether the document under a clause is approved in force and sound (the tree draws the others differently). */
export function isSoundApproval(document: AddressingDocument): boolean {
  return document.control.approval === 'in-force' && document.control.defects.length === 0;
}

/** The status bar over every open repository: the covered percentage, and every count in the tooltip. */
export function statusBarContent(reports: readonly CoverageReport[]): { readonly text: string; readonly tooltip: string } | undefined {
  if (reports.length === 0) return undefined;
  const summary = combineSummaries(reports.map((report) => report.summary));
  const atRisk = summary.atRisk > 0 ? ` $(warning) ${summary.atRisk} at-risk` : '';
  return {
    text: `$(checklist) ${formatPercent(summary.percent)}${atRisk}`,
    tooltip: `Clausemark: ${coverageSummaryText(summary)}. Click to open the coverage view.`,
  };
}

/**
 * The status bar over every open repository, per catalog: with one catalog each, as `statusBarContent`; with
 * several, the covered percentage of each catalog alias (`20000 84% · 27001 3%`), never one mixed figure.
 */
export function catalogStatusBarContent(
  repositories: readonly (readonly CatalogCoverage[])[],
): { readonly text: string; readonly tooltip: string } | undefined {
  if (repositories.every((catalogs) => catalogs.length <= 1))
    return statusBarContent(repositories.flatMap((catalogs) => catalogs.map((coverage) => coverage.report)));
  const byAlias = new Map<string, CoverageReport[]>();
  for (const coverage of repositories.flat()) byAlias.set(coverage.alias, [...(byAlias.get(coverage.alias) ?? []), coverage.report]);
  const parts = [...byAlias].map(([alias, reports]) => [alias, combineSummaries(reports.map((report) => report.summary))] as const);
  return {
    text: `$(checklist) ${parts.map(([alias, summary]) => `${alias} ${formatPercent(summary.percent)}`).join(' · ')}`,
    tooltip: `Clausemark: ${parts.map(([alias, summary]) => `${alias}: ${coverageSummaryText(summary)}`).join('; ')}. Click to open the coverage view.`,
  };
}
