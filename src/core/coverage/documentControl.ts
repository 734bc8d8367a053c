import { daysBetween } from '../model/dates.js';
import type { SmsDocument } from '../model/smsDocument.js';

/**
 * Whether a document's approval is in force (ISO/IEC 20000-1 7.5.3): `in-force` needs `status: approved`, an
 * `approved_by`, and a valid `approved_on` that is not after the day checked. `incomplete` is approved without one
 * of them (or with a malformed date), `future` is approved on a later day, `not-approved` is draft, review or no
 * status, `retired` is retired.
 */
export type ApprovalState = 'in-force' | 'incomplete' | 'future' | 'not-approved' | 'retired';

/** Where the document stands against its `next_review` date; records and reports are kept, not reviewed. */
export type ReviewState = 'current' | 'due-soon' | 'overdue' | 'not-set' | 'not-applicable';

/** The control state of one document on one day; every view takes it from here. */
export interface DocumentControl {
  readonly approval: ApprovalState;
  readonly review: ReviewState;
  /**
   * Why an approved document cannot be relied on as it stands: approval incomplete or not yet in force, review
   * overdue. Empty when it can, and for documents that are not approved (they are no support to begin with).
   */
  readonly defects: readonly string[];
  /** How views name the state next to the id: `approved`, `draft`, `approval incomplete`, `approved, review overdue`. */
  readonly label: string;
}

/** The control state of `document` as of `today` (`YYYY-MM-DD`); `reviewWarningDays` is when a review is due soon. */
export function documentControl(document: SmsDocument, today: string, reviewWarningDays: number): DocumentControl {
  const status = document.status?.value;
  const approval = approvalState(document, today);
  const review = reviewState(document, today, reviewWarningDays);
  const defects: string[] = [];
  if (approval === 'incomplete') {
    const problems: string[] = [];
    if (!document.approvedBy || document.approvedBy.value.trim() === '') problems.push('no `approved_by`');
    if (!document.approvedOn) problems.push(document.fields.has('approved_on') ? '`approved_on` is not a valid date' : 'no `approved_on`');
    defects.push(`approval incomplete (${problems.join(', ')})`);
  }
  if (approval === 'future') defects.push(`approved on ${document.approvedOn?.value}, which is after ${today}`);
  if (status === 'approved' && review === 'overdue') defects.push(`review overdue since ${document.nextReview?.value}`);

  const labels: string[] = [];
  if (approval === 'in-force') labels.push('approved');
  else if (approval === 'incomplete') labels.push('approval incomplete');
  else if (approval === 'future') labels.push('approval not yet in force');
  else labels.push(status ?? 'no status');
  if (status === 'approved' && review === 'overdue') labels.push('review overdue');
  return { approval, review, defects, label: labels.join(', ') };
}

function approvalState(document: SmsDocument, today: string): ApprovalState {
  const status = document.status?.value;
  if (status === 'retired') return 'retired';
  if (status !== 'approved') return 'not-approved';
  // Malformed dates are read as absent (and reported as invalid fields), so they never make an approval complete.
  if (!document.approvedBy || document.approvedBy.value.trim() === '' || !document.approvedOn) return 'incomplete';
  return daysBetween(today, document.approvedOn.value) > 0 ? 'future' : 'in-force';
}

function reviewState(document: SmsDocument, today: string, reviewWarningDays: number): ReviewState {
  const type = document.type?.value;
  if (document.status?.value === 'retired') return 'not-applicable';
  if (!document.nextReview) return type === 'record' || type === 'report' ? 'not-applicable' : 'not-set';
  const daysLeft = daysBetween(today, document.nextReview.value);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= reviewWarningDays ? 'due-soon' : 'current';
}
