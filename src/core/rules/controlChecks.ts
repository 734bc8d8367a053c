import { daysBetween } from '../document/dates.js';
import { EVIDENCE_DOCUMENT_TYPES, type DocumentType } from '../model/documentTypes.js';
import { anchorRange, type DocumentCheck } from './documentCheck.js';

// Records, reports, audit reports and management reviews are made once and kept; they are not revised or reviewed like policies and plans.
const KEPT_NOT_REVISED: ReadonlySet<DocumentType | undefined> = EVIDENCE_DOCUMENT_TYPES;

/** Document control: ownership, versioning, approval and periodic review (ISO/IEC 20000-1 7.5.2 and 7.5.3). */
export const controlChecks: DocumentCheck = {
  rules: ['control.missing-field', 'control.missing-approval', 'control.missing-review-date', 'control.review-overdue', 'control.review-due-soon', 'control.retired-claims-clauses'],
  run({ document, config, today, report }) {
    const keptRecord = KEPT_NOT_REVISED.has(document.type?.value);
    // A malformed value is reported once, as malformed (frontmatter.invalid-field), never also as missing.
    const absent = (field: string): boolean => document.fields.get(field)?.malformed !== true;
    const missing: { field: string; why: string }[] = [];
    if (!document.owner && absent('owner')) missing.push({ field: 'owner', why: 'the role accountable for it' });
    if (!document.status && absent('status')) missing.push({ field: 'status', why: 'draft, review, approved or retired' });
    if (!document.version && absent('version') && !keptRecord) missing.push({ field: 'version', why: 'so readers know which revision they have' });
    for (const { field, why } of missing) {
      report('control.missing-field', document.fields.get(field)?.keyRange ?? anchorRange(document), `No \`${field}\`: give ${why}.`, { data: { field } });
    }

    const status = document.status?.value;
    if (status === 'approved' && document.status) {
      const unsaid = [!document.approvedBy && absent('approved_by') && 'approved_by', !document.approvedOn && absent('approved_on') && 'approved_on'].filter((field): field is string => typeof field === 'string');
      if (unsaid.length > 0) {
        report('control.missing-approval', document.status.range, `The document is approved but does not say ${unsaid.map((f) => `\`${f}\``).join(' or ')}.`, {
          data: { field: unsaid.join(',') },
        });
      }
      if (!document.nextReview && absent('next_review') && !keptRecord) {
        report('control.missing-review-date', document.status.range, 'The document is approved but has no `next_review` date.', { data: { field: 'next_review' } });
      }
    }

    if (document.nextReview && status !== 'retired') {
      const daysLeft = daysBetween(today, document.nextReview.value);
      if (daysLeft < 0) {
        report('control.review-overdue', document.nextReview.range, `The review was due on ${document.nextReview.value} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago).`, { data: { field: 'next_review' } });
      } else if (daysLeft <= config.reviewWarningDays) {
        report('control.review-due-soon', document.nextReview.range, `The review is due on ${document.nextReview.value} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'}).`, { data: { field: 'next_review' } });
      }
    }

    if (status === 'retired' && document.clauses.length > 0) {
      const clausesKey = document.fields.get('clauses')?.keyRange;
      report('control.retired-claims-clauses', clausesKey, `The document is retired, so its ${document.clauses.length} clause claim${document.clauses.length === 1 ? '' : 's'} no longer count towards coverage.`);
    }
  },
};
