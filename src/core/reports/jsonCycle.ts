import type { CycleState } from '../cycle/cycleState.js';
import type { NonconformityState } from '../model/nonconformity.js';
import { daysBetween } from '../model/dates.js';
import { jsonRange, type JsonRange } from './jsonRange.js';

/** The certification cycle as `clausemark check --format json` prints it: the one cycle state, rendered. */
export interface JsonCycle {
  readonly certifiedOn: string | null;
  readonly expiresOn: string | null;
  /** The planned external audits, in `certification.audits` order, each `held`, `overdue` or `upcoming`. */
  readonly plannedAudits: readonly {
    readonly kind: string;
    readonly date: string;
    readonly state: 'held' | 'overdue' | 'upcoming';
    readonly heldBy: string | null;
  }[];
  /** The first planned external audit on or after `today`, with the days left until it. */
  readonly nextAudit: { readonly kind: string; readonly date: string; readonly daysLeft: number } | null;
  /** Audit reports dated on or before `today`, oldest first. */
  readonly audits: readonly {
    readonly documentId: string;
    readonly path: string;
    readonly kind: string;
    readonly date: string;
    readonly auditor: string | null;
  }[];
  readonly nonconformities: readonly JsonNonconformity[];
  readonly lastManagementReview: { readonly documentId: string; readonly path: string; readonly date: string } | null;
  readonly managementReviewDue: string | null;
}

/** One audit finding; values as written (null when not written), `state` and `overdue` as of `today`. */
export interface JsonNonconformity {
  readonly id: string | null;
  readonly documentId: string | null;
  readonly file: string;
  readonly range: JsonRange;
  readonly clause: string | null;
  readonly grade: string | null;
  readonly status: string | null;
  readonly due: string | null;
  readonly overdue: boolean;
  readonly state: NonconformityState;
  readonly closedOn: string | null;
  readonly verifiedOn: string | null;
  readonly action: string | null;
}

/** The cycle section, where there is a cycle to show (a `certification` block, audit reports, findings or reviews). */
export function jsonCycle(cycle: CycleState): JsonCycle | undefined {
  if (!cycle.certification && cycle.audits.length === 0 && cycle.nonconformities.length === 0 && cycle.managementReviews.length === 0) return undefined;
  const next = cycle.nextAudit;
  const last = cycle.managementReviews.at(-1);
  return {
    certifiedOn: cycle.certification?.certifiedOn ?? null,
    expiresOn: cycle.certification?.expiresOn ?? null,
    plannedAudits: cycle.planned.map((audit) => ({ kind: audit.kind, date: audit.date, state: audit.state, heldBy: audit.heldBy?.documentId ?? null })),
    nextAudit: next ? { kind: next.kind, date: next.date, daysLeft: daysBetween(cycle.day, next.date) } : null,
    audits: cycle.audits.map((audit) => ({
      documentId: audit.documentId,
      path: audit.path,
      kind: audit.kind,
      date: audit.date,
      auditor: audit.auditor ?? null,
    })),
    nonconformities: cycle.nonconformities.map((nc) => ({
      id: nc.id ?? null,
      documentId: nc.documentId ?? null,
      file: nc.documentPath,
      range: jsonRange(nc.range),
      clause: nc.clause ?? null,
      grade: nc.grade ?? null,
      status: nc.status ?? null,
      due: nc.due ?? null,
      overdue: nc.state === 'overdue',
      state: nc.state,
      closedOn: nc.closedOn ?? null,
      verifiedOn: nc.verifiedOn ?? null,
      action: nc.action ?? null,
    })),
    lastManagementReview: last ? { documentId: last.documentId, path: last.path, date: last.date } : null,
    managementReviewDue: cycle.managementReviewDue ?? null,
  };
}
