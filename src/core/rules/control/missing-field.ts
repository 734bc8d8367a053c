import { EVIDENCE_DOCUMENT_TYPES, type DocumentType } from '../../model/documentTypes.js';
import { anchorRange, defineRule } from '../rule.js';

// Records, reports, audit reports and management reviews are made once and kept: they carry no version.
const KEPT_NOT_REVISED: ReadonlySet<DocumentType | undefined> = EVIDENCE_DOCUMENT_TYPES;

export default defineRule({
  id: 'control.missing-field',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A document-control field (`owner`, `version`, `status`) is missing.',
  documentation: [
    'Document control needs an owner (a role), a status, and for documents that are revised a version. Records and',
    'reports need no version.',
  ].join('\n'),
  checkDocument({ document, report }) {
    const keptRecord = KEPT_NOT_REVISED.has(document.type?.value);
    // A malformed value is reported once, as malformed (frontmatter.invalid-field), never also as missing.
    const absent = (field: string): boolean => document.fields.get(field)?.malformed !== true;
    const missing: { field: string; why: string }[] = [];
    if (!document.owner && absent('owner')) missing.push({ field: 'owner', why: 'the role accountable for it' });
    if (!document.status && absent('status')) missing.push({ field: 'status', why: 'draft, review, approved or retired' });
    if (!document.version && absent('version') && !keptRecord) missing.push({ field: 'version', why: 'so readers know which revision they have' });
    for (const { field, why } of missing) {
      report(document.fields.get(field)?.keyRange ?? anchorRange(document), `No \`${field}\`: give ${why}.`, { data: { field } });
    }
  },
});
