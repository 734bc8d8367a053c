import type { ClauseCoverage, ClauseStatus } from '../coverage/coverageReport.js';
import { countsAsEvidence, type EvidenceState } from '../model/evidenceState.js';

/** `PRC-INC (approved)` for each document claiming the clause. */
export function documentLabels(clause: ClauseCoverage): string[] {
  return clause.documents.map((document) => (document.status !== undefined ? `${document.id} (${document.status})` : document.id));
}

/** Evidence that counts towards coverage (current or undated). */
export function usableEvidenceCount(clause: ClauseCoverage): number {
  return clause.evidence.filter((evidence) => countsAsEvidence(evidence.state)).length;
}

/** `1 stale, 2 missing`: evidence that does not count, by state; empty when all counts. */
export function unusableEvidenceText(clause: ClauseCoverage): string {
  const byState = new Map<EvidenceState, number>();
  for (const evidence of clause.evidence) {
    if (!countsAsEvidence(evidence.state)) byState.set(evidence.state, (byState.get(evidence.state) ?? 0) + 1);
  }
  return [...byState].map(([state, count]) => `${count} ${state}`).join(', ');
}

/** Why the clause is not covered: its gaps, or the exclusion reason. */
export function gapTexts(clause: ClauseCoverage): string[] {
  if (clause.status === 'excluded') return [clause.exclusion !== undefined ? `excluded: ${clause.exclusion}` : 'excluded'];
  return [...clause.gaps];
}

export const STATUS_LABEL: Record<ClauseStatus, string> = { covered: 'covered', partial: 'partial', uncovered: 'uncovered', excluded: 'excluded' };
