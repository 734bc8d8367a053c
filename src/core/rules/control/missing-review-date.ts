import { EVIDENCE_DOCUMENT_TYPES, type DocumentType } from '../../model/documentTypes.js';
import { defineRule } from '../rule.js';

// Records and reports are made once and kept, not reviewed like policies and plans.
const KEPT_NOT_REVISED: ReadonlySet<DocumentType | undefined> = EVIDENCE_DOCUMENT_TYPES;

export default defineRule({
  id: 'control.missing-review-date',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'An approved document has no `next_review` date.',
  documentation: ['Approved policies, plans and processes are reviewed at planned intervals; give the next date.'].join('\n'),
  checkDocument({ document, report }) {
    if (document.status?.value !== 'approved') return;
    if (KEPT_NOT_REVISED.has(document.type?.value)) return;
    if (!document.nextReview && document.fields.get('next_review')?.malformed !== true) {
      report(document.status.range, 'The document is approved but has no `next_review` date.', { data: { field: 'next_review' } });
    }
  },
});
