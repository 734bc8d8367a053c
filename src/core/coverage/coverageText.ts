import type { ClauseCoverage, CoverageSummary } from './coverageReport.js';

// The words every view uses for the compliance model, so the text, reports, audit pack and editor cannot drift apart.

/** `PRC-INC (approved)`, `PRC-PRB (approval incomplete)`, `PRC-NC (approved, via crosswalk from 20000:10.1)` for each document addressing the clause. */
export function documentLabels(clause: ClauseCoverage): string[] {
  return clause.documents.map((document) => `${document.id} (${document.control.label}${viaText(document)})`);
}

/** `, via crosswalk from 20000:10.1` for a document that counts through the crosswalk; empty for a direct claim. */
export function viaText(document: ClauseCoverage['documents'][number]): string {
  return document.viaCrosswalk !== undefined ? `, via crosswalk from ${document.viaCrosswalk}` : '';
}

/** `3 (1 missing)`: the evidence linked to the clause, with what does not count by state. */
export function evidenceText(clause: ClauseCoverage): string {
  const unusable = unusableEvidenceText(clause);
  return `${clause.evidenceCount.linked}${unusable !== '' ? ` (${unusable})` : ''}`;
}

/** `1 stale, 2 missing`: the evidence that does not count, by state; empty when all of it counts. */
export function unusableEvidenceText(clause: ClauseCoverage): string {
  return Object.entries(clause.evidenceCount.unusable)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
}

/** Why the clause has its state, in words: gaps, defects or the exclusion; empty when covered. */
export function reasonTexts(clause: ClauseCoverage): string[] {
  return clause.reasons.map((reason) => reason.text);
}

/** `48 of 57 leaf clauses covered (84.2%), 5 at-risk, 2 partial, 2 uncovered` (plus `, 1 excluded` when any are). */
export function coverageSummaryText(summary: CoverageSummary): string {
  const applicable = summary.leaves - summary.excluded;
  let text = `${summary.covered} of ${applicable} ${applicable === 1 ? 'leaf clause' : 'leaf clauses'} covered (${formatPercent(summary.percent)}), ${summary.atRisk} at-risk, ${summary.partial} partial, ${summary.uncovered} uncovered`;
  if (summary.excluded > 0) text += `, ${summary.excluded} excluded`;
  return text;
}

export function formatPercent(percent: number): string {
  return `${Number.isFinite(percent) ? Math.round(percent * 10) / 10 : 0}%`;
}
