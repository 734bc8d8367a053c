import type { ClauseStatus, CoverageReport, CoverageSummary } from '../coverage/coverageReport.js';
import type { DocumentChange } from './documentChanges.js';

/** One leaf clause whose status or addressing documents the change moved. */
export interface ClauseDelta {
  readonly clause: string;
  readonly title: string;
  readonly before: ClauseStatus;
  readonly after: ClauseStatus;
  /** Ids of documents that address it on the head and did not on the base. */
  readonly documentsAdded: readonly string[];
  /** Ids of documents that addressed it on the base and do not on the head. */
  readonly documentsRemoved: readonly string[];
  /** Ids of documents addressing it (on either side) that the change edited. */
  readonly documentsChanged: readonly string[];
}

export interface CoverageDelta {
  readonly before: CoverageSummary;
  readonly after: CoverageSummary;
  /** Clauses the change touched: a status moved, a document came or went, or an addressing document was edited. */
  readonly clauses: readonly ClauseDelta[];
}

/** Compares the two coverage reports clause by clause. */
export function coverageDelta(base: CoverageReport, head: CoverageReport, changes: readonly DocumentChange[]): CoverageDelta {
  const baseClauses = new Map(base.clauses.map((clause) => [clause.clause, clause]));
  const edited = new Set(changes.flatMap((change) => [change.base?.id?.value, change.head?.id?.value]).filter((id): id is string => id !== undefined));
  const clauses: ClauseDelta[] = [];
  for (const after of head.clauses) {
    const before = baseClauses.get(after.clause);
    const beforeIds = new Set(before?.documents.map((document) => document.id) ?? []);
    const afterIds = new Set(after.documents.map((document) => document.id));
    const documentsAdded = [...afterIds].filter((id) => !beforeIds.has(id)).sort();
    const documentsRemoved = [...beforeIds].filter((id) => !afterIds.has(id)).sort();
    const documentsChanged = [...new Set([...beforeIds, ...afterIds])].filter((id) => edited.has(id)).sort();
    const beforeStatus = before?.status ?? 'uncovered';
    if (beforeStatus === after.status && documentsAdded.length === 0 && documentsRemoved.length === 0 && documentsChanged.length === 0) continue;
    clauses.push({ clause: after.clause, title: after.title, before: beforeStatus, after: after.status, documentsAdded, documentsRemoved, documentsChanged });
  }
  return { before: base.summary, after: head.summary, clauses };
}

/** Clauses whose status moved to `status` with the change. */
export function newly(delta: CoverageDelta, status: ClauseStatus): ClauseDelta[] {
  return delta.clauses.filter((clause) => clause.after === status && clause.before !== status);
}
