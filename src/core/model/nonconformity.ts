import { parseIsoDate } from './dates.js';
import type { AuditFinding } from './smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';

/**
 * Where an audit finding stands on a day: `open`, `overdue` (an open major or minor nonconformity past its
 * `due`), `closed` (and verified, or not a nonconformity), `unverified` (a closed nonconformity nobody checked).
 */
export type NonconformityState = 'open' | 'overdue' | 'closed' | 'unverified';

/** One finding of an audit report, as every view shows it. */
export interface NonconformityRecord {
  /** `NC-2026-07`; undefined when the finding has none (reported by `nc.invalid`). */
  readonly id: string | undefined;
  readonly documentId: string | undefined;
  readonly documentPath: string;
  readonly clause: string | undefined;
  readonly grade: string | undefined;
  readonly summary: string | undefined;
  readonly raisedOn: string | undefined;
  readonly due: string | undefined;
  readonly status: string | undefined;
  readonly closedOn: string | undefined;
  readonly action: string | undefined;
  readonly verifiedOn: string | undefined;
  readonly state: NonconformityState;
  readonly range: SourceRange;
}

/** Major and minor findings are nonconformities: they need a due date, a correction and its verification. */
export function isNonconformity(grade: string | undefined): boolean {
  return grade === 'major' || grade === 'minor';
}

/** A date value as written, when it names a calendar day. */
export function validDate(text: string | undefined): string | undefined {
  return text === undefined ? undefined : parseIsoDate(text);
}

export function nonconformityState(finding: AuditFinding, day: string): NonconformityState {
  const grade = finding.grade?.value.toLowerCase();
  const closed = finding.status?.value.toLowerCase() === 'closed';
  if (closed) return isNonconformity(grade) && finding.verifiedOn === undefined ? 'unverified' : 'closed';
  const due = validDate(finding.due?.value);
  return isNonconformity(grade) && due !== undefined && due < day ? 'overdue' : 'open';
}

export function nonconformityRecord(finding: AuditFinding, documentId: string | undefined, documentPath: string, day: string): NonconformityRecord {
  return {
    id: finding.id?.value,
    documentId,
    documentPath,
    clause: finding.clause?.value,
    grade: finding.grade?.value.toLowerCase(),
    summary: finding.summary?.value,
    raisedOn: finding.raisedOn?.value,
    due: finding.due?.value,
    status: finding.status?.value.toLowerCase(),
    closedOn: finding.closedOn?.value,
    action: finding.action?.value,
    verifiedOn: finding.verifiedOn?.value,
    state: nonconformityState(finding, day),
    range: finding.id?.range ?? finding.itemRange,
  };
}
