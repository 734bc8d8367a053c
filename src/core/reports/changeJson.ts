import type { ClauseDelta } from '../change/coverageDelta.js';
import type { DocumentChangeKind } from '../change/documentChanges.js';
import type { ChangeReview } from '../change/reviewChange.js';
import type { CoverageSummary } from '../coverage/coverageReport.js';
import { jsonFinding, type JsonFinding } from './jsonReport.js';

/** The `change` member `check --base --format json` adds to the JSON report. */
export interface ChangeJson {
  readonly base: { readonly ref: string | null; readonly commit: string | null };
  /** `ref` and `commit` are null for the working tree. */
  readonly head: { readonly ref: string | null; readonly commit: string | null };
  readonly newFindings: number;
  /** How many findings of the base the change made go away, and which (located as on the base). */
  readonly fixedFindings: number;
  readonly fixed: readonly JsonFinding[];
  readonly coverage: { readonly before: CoverageSummary; readonly after: CoverageSummary; readonly clauses: readonly ClauseDelta[] };
  /** With several catalogs: each catalog's delta after the primary's (`coverage`), under its alias. */
  readonly catalogs?: readonly { readonly alias: string; readonly before: CoverageSummary; readonly after: CoverageSummary; readonly clauses: readonly ClauseDelta[] }[];
  readonly documents: readonly { readonly path: string; readonly id: string | null; readonly kind: DocumentChangeKind; readonly bodyChanged: boolean; readonly clausesChanged: boolean }[];
  readonly reReview: readonly { readonly path: string; readonly id: string | null; readonly via: 'related' | 'evidence'; readonly target: string }[];
}

export function buildChangeJson(review: ChangeReview): ChangeJson {
  return {
    base: { ref: review.base.ref ?? null, commit: review.base.commit ?? null },
    head: { ref: review.head.ref ?? null, commit: review.head.commit ?? null },
    newFindings: review.newFindings.length,
    fixedFindings: review.fixedFindings.length,
    fixed: review.fixedFindings.map(jsonFinding),
    coverage: { before: review.delta.before, after: review.delta.after, clauses: review.delta.clauses },
    ...(review.catalogDeltas.length > 0 ? { catalogs: review.catalogDeltas.map(({ alias, delta }) => ({ alias, before: delta.before, after: delta.after, clauses: delta.clauses })) } : {}),
    documents: review.documents.map((change) => ({
      path: change.path,
      id: (change.head ?? change.base)?.id?.value ?? null,
      kind: change.kind,
      bodyChanged: change.bodyChanged,
      clausesChanged: change.clausesChanged,
    })),
    reReview: review.suspects.map((suspect) => ({ path: suspect.path, id: suspect.documentId ?? null, via: suspect.via, target: suspect.target })),
  };
}
