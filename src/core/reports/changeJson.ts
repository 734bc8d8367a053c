import type { ClauseDelta } from '../change/coverageDelta.js';
import type { DocumentChangeKind } from '../change/documentChanges.js';
import type { ChangeReview } from '../change/reviewChange.js';
import type { CoverageSummary } from '../coverage/coverageReport.js';
import type { NonconformityChangeKind } from '../change/cycleChanges.js';
import type { NonconformityRecord } from '../model/nonconformity.js';
import { jsonRange, type JsonRange } from './jsonRange.js';
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
  /** The primary catalog's delta, or with `--catalog` the delta of the catalog `catalog` names. */
  readonly coverage: { readonly before: CoverageSummary; readonly after: CoverageSummary; readonly clauses: readonly ClauseDelta[] };
  /** With `--catalog`: the alias of the one catalog shown. */
  readonly catalog?: string;
  /** With several catalogs: each catalog's delta after the primary's (`coverage`), under its alias. */
  readonly catalogs?: readonly {
    readonly alias: string;
    readonly before: CoverageSummary;
    readonly after: CoverageSummary;
    readonly clauses: readonly ClauseDelta[];
  }[];
  readonly documents: readonly {
    readonly path: string;
    readonly id: string | null;
    readonly kind: DocumentChangeKind;
    readonly bodyChanged: boolean;
    readonly clausesChanged: boolean;
  }[];
  readonly reReview: readonly { readonly path: string; readonly id: string | null; readonly via: 'related' | 'evidence'; readonly target: string }[];
  /** What the change did to the certification cycle: audit reports added, nonconformities raised, closed, reopened or removed. */
  readonly cycle: {
    readonly auditsAdded: readonly {
      readonly documentId: string;
      readonly path: string;
      readonly kind: string;
      readonly date: string;
      readonly findings: number;
      readonly holds: { readonly kind: string; readonly date: string } | null;
    }[];
    readonly nonconformities: readonly {
      readonly kind: NonconformityChangeKind;
      readonly id: string;
      readonly clause: string | null;
      readonly grade: string | null;
      /** The audit report: on the head, or on the base for a removed finding. */
      readonly file: string;
      /** Where the finding stands on the head; null when removed. */
      readonly range: JsonRange | null;
      readonly statusBefore: string | null;
      readonly statusAfter: string | null;
      readonly closedOn: string | null;
      readonly verifiedOn: string | null;
    }[];
  };
}

export function buildChangeJson(review: ChangeReview): ChangeJson {
  return {
    base: { ref: review.base.ref ?? null, commit: review.base.commit ?? null },
    head: { ref: review.head.ref ?? null, commit: review.head.commit ?? null },
    newFindings: review.newFindings.length,
    fixedFindings: review.fixedFindings.length,
    fixed: review.fixedFindings.map(jsonFinding),
    coverage: { before: review.delta.before, after: review.delta.after, clauses: review.delta.clauses },
    ...(review.catalog ? { catalog: review.catalog.alias } : {}),
    ...(review.catalogDeltas.length > 0
      ? { catalogs: review.catalogDeltas.map(({ alias, delta }) => ({ alias, before: delta.before, after: delta.after, clauses: delta.clauses })) }
      : {}),
    documents: review.documents.map((change) => ({
      path: change.path,
      id: (change.head ?? change.base)?.id?.value ?? null,
      kind: change.kind,
      bodyChanged: change.bodyChanged,
      clausesChanged: change.clausesChanged,
    })),
    reReview: review.suspects.map((suspect) => ({ path: suspect.path, id: suspect.documentId ?? null, via: suspect.via, target: suspect.target })),
    cycle: {
      auditsAdded: review.cycle.auditsAdded.map(({ audit, findings, holds }) => ({
        documentId: audit.documentId,
        path: audit.path,
        kind: audit.kind,
        date: audit.date,
        findings,
        holds: holds ?? null,
      })),
      nonconformities: review.cycle.nonconformities.map((change) => {
        const record: NonconformityRecord = (change.after ?? change.before)!;
        return {
          kind: change.kind,
          id: change.id,
          clause: record.clause ?? null,
          grade: record.grade ?? null,
          file: record.documentPath,
          range: change.after ? jsonRange(change.after.range) : null,
          statusBefore: change.before?.status ?? null,
          statusAfter: change.after?.status ?? null,
          closedOn: change.after?.closedOn ?? null,
          verifiedOn: change.after?.verifiedOn ?? null,
        };
      }),
    },
  };
}
