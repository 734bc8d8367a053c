import type { CycleState, HeldAudit } from '../cycle/cycleState.js';
import type { NonconformityRecord } from '../model/nonconformity.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import type { SourceRange } from '../text/sourceRange.js';

/**
 * What a change did to a nonconformity of the register: `raised` (a new finding id), `closed` (its status went to
 * closed), `reopened` (closed before, not now) or `removed` (a finding open on the base that is gone from every report).
 */
export type NonconformityChangeKind = 'raised' | 'closed' | 'reopened' | 'removed';

export interface NonconformityChange {
  readonly kind: NonconformityChangeKind;
  readonly id: string;
  /** The finding on the base; absent when raised. */
  readonly before?: NonconformityRecord;
  /** The finding on the head; absent when removed. */
  readonly after?: NonconformityRecord;
}

/** An audit report the change added to the audits held. */
export interface AuditAdded {
  readonly audit: HeldAudit;
  /** Where the report's `id` stands on the head. */
  readonly range: SourceRange | undefined;
  readonly findings: number;
  /** The planned external audit this report shows was held, when the base did not show it yet. */
  readonly holds?: { readonly kind: string; readonly date: string };
}

/** The change to the certification cycle, from the base's and the head's one cycle state (both as of the same day). */
export interface CycleChanges {
  readonly auditsAdded: readonly AuditAdded[];
  readonly nonconformities: readonly NonconformityChange[];
}

export function cycleChanges(base: CycleState, head: CycleState, headIndex: WorkspaceIndex): CycleChanges {
  const heldBefore = new Set(base.audits.map((audit) => audit.documentId));
  const plannedHeldBefore = new Set(base.planned.filter((audit) => audit.heldBy).map((audit) => `${audit.kind} ${audit.date}`));
  const auditsAdded = head.audits
    .filter((audit) => !heldBefore.has(audit.documentId))
    .map((audit): AuditAdded => {
      const holds = head.planned.find(
        (planned) => planned.heldBy?.documentId === audit.documentId && !plannedHeldBefore.has(`${planned.kind} ${planned.date}`),
      );
      return {
        audit,
        range: headIndex.documentAt(audit.path)?.id?.range,
        findings: head.nonconformities.filter((nc) => nc.documentPath === audit.path).length,
        ...(holds ? { holds: { kind: holds.kind, date: holds.date } } : {}),
      };
    });
  const nonconformities: NonconformityChange[] = [];
  for (const [id, [after]] of head.nonconformitiesById) {
    const before = base.nonconformitiesById.get(id)?.[0];
    if (!after) continue;
    if (!before) nonconformities.push({ kind: 'raised', id, after });
    else if (isClosed(after) && !isClosed(before)) nonconformities.push({ kind: 'closed', id, before, after });
    else if (isClosed(before) && !isClosed(after)) nonconformities.push({ kind: 'reopened', id, before, after });
  }
  for (const [id, [before]] of base.nonconformitiesById) {
    if (before && !isClosed(before) && !head.nonconformitiesById.has(id)) nonconformities.push({ kind: 'removed', id, before });
  }
  return { auditsAdded, nonconformities: nonconformities.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })) };
}

function isClosed(record: NonconformityRecord): boolean {
  return record.status === 'closed';
}

/** Whether the change did anything to the cycle worth a line in the PR summary. */
export function hasCycleChanges(changes: CycleChanges): boolean {
  return changes.auditsAdded.length > 0 || changes.nonconformities.length > 0;
}
