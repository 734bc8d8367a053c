import type { PlannedAudit } from '../config/certification.js';
import { plainRange, type SourceRange } from '../text/sourceRange.js';
import type { CycleState } from './cycleState.js';
import { isNonconformity, type NonconformityState } from '../model/nonconformity.js';
import { READINESS_SECTION_TITLES, type ReadinessReport, type ReadinessSection } from './readiness.js';

/** A place in a file of the repository: root-relative path and, where known, the exact range. */
export interface SummaryLocation {
  readonly path: string;
  readonly range?: SourceRange;
}

/** Readiness items of one section that block the next audit. */
export interface BlockerGroup {
  readonly section: ReadinessSection;
  readonly title: string;
  readonly items: readonly { readonly subject: string; readonly message: string; readonly location?: SummaryLocation }[];
}

export interface OpenNonconformity {
  readonly id: string;
  readonly clause?: string;
  readonly grade?: string;
  readonly summary?: string;
  readonly due?: string;
  /** `open` or `overdue` today. */
  readonly state: Extract<NonconformityState, 'open' | 'overdue'>;
  /** The audit report that raised it. */
  readonly documentId?: string;
  /** Where its `id` (else its entry) stands in the audit report. */
  readonly location: SummaryLocation;
}

/**
 * What the editor's Certification view shows, JSON-serialisable so a language server can send it: the next
 * planned external audit, what blocks it, and the open nonconformities, all rendered from the one cycle state
 * and readiness report (never recomputed here).
 */
export interface CertificationSummary {
  /** The folder the paths are relative to (an absolute file-system path). */
  readonly root: string;
  readonly today: string;
  readonly certifiedOn?: string;
  readonly expiresOn?: string;
  /** The next planned external audit and whether the SMS is ready for it; absent when none is planned. */
  readonly nextAudit?: {
    readonly kind: PlannedAudit['kind'];
    readonly date: string;
    readonly daysLeft: number;
    readonly verdict: ReadinessReport['verdict'];
    readonly blockers: number;
  };
  /** Why there is no next audit (no `certification` block, or every planned audit is past). */
  readonly noAudit?: string;
  /** What blocks the next audit, by readiness section. */
  readonly blockers: readonly BlockerGroup[];
  /** Open major and minor nonconformities today, overdue first. */
  readonly openNonconformities: readonly OpenNonconformity[];
  readonly lastManagementReview?: { readonly documentId: string; readonly date: string; readonly location: SummaryLocation };
}

/** The summary from today's cycle and the readiness report for the next audit (or the reason there is none). */
export function certificationSummary(root: string, cycle: CycleState, readiness: ReadinessReport | string): CertificationSummary {
  const report = typeof readiness === 'string' ? undefined : readiness;
  const last = cycle.managementReviews.at(-1);
  return {
    root,
    today: cycle.day,
    ...(cycle.certification ? { certifiedOn: cycle.certification.certifiedOn, expiresOn: cycle.certification.expiresOn } : {}),
    ...(report?.audit.kind !== undefined
      ? { nextAudit: { kind: report.audit.kind, date: report.audit.date, daysLeft: report.audit.daysLeft, verdict: report.verdict, blockers: report.blockers } }
      : { noAudit: typeof readiness === 'string' ? readiness : 'no external audit is planned' }),
    blockers: report ? blockerGroups(report) : [],
    openNonconformities: openNonconformities(cycle),
    ...(last ? { lastManagementReview: { documentId: last.documentId, date: last.date, location: { path: last.path } } } : {}),
  };
}

function blockerGroups(report: ReadinessReport): BlockerGroup[] {
  const groups = new Map<ReadinessSection, BlockerGroup['items'][number][]>();
  for (const item of report.items) {
    if (!item.blocks) continue;
    // A nonconformity's item links to the finding itself, not only to its audit report.
    const finding =
      item.section === 'nonconformities' ? report.nonconformities.find((nc) => nc.id === item.subject && nc.documentPath === item.path) : undefined;
    const location = item.path !== undefined ? { location: { path: item.path, ...(finding ? { range: plainRange(finding.range) } : {}) } } : {};
    groups.set(item.section, [...(groups.get(item.section) ?? []), { subject: item.subject, message: item.message, ...location }]);
  }
  return [...groups].map(([section, items]) => ({ section, title: READINESS_SECTION_TITLES[section], items }));
}

function openNonconformities(cycle: CycleState): OpenNonconformity[] {
  const open: OpenNonconformity[] = [];
  for (const nc of cycle.nonconformities) {
    if (nc.id === undefined || !isNonconformity(nc.grade) || (nc.state !== 'open' && nc.state !== 'overdue')) continue;
    open.push({
      id: nc.id,
      state: nc.state,
      location: { path: nc.documentPath, range: plainRange(nc.range) },
      ...(nc.clause !== undefined ? { clause: nc.clause } : {}),
      ...(nc.grade !== undefined ? { grade: nc.grade } : {}),
      ...(nc.summary !== undefined ? { summary: nc.summary } : {}),
      ...(nc.due !== undefined ? { due: nc.due } : {}),
      ...(nc.documentId !== undefined ? { documentId: nc.documentId } : {}),
    });
  }
  // Overdue first, then by due date: what needs doing soonest on top.
  return open.sort(
    (a, b) => (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id.localeCompare(b.id),
  );
}
