/** The kinds of SMS document; the catalog says which kinds can satisfy a clause's documented information. */
export const DOCUMENT_TYPES = [
  'policy',
  'plan',
  'process',
  'procedure',
  'catalogue',
  'agreement',
  'register',
  'record',
  'report',
  'audit',
  'management-review',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The prefix of a new document's id, by type (the New Document command and the header quick fix suggest ids). */
export const DOCUMENT_ID_PREFIX: Readonly<Record<DocumentType, string>> = {
  policy: 'POL',
  plan: 'PLN',
  process: 'PRC',
  procedure: 'PRO',
  catalogue: 'CAT',
  agreement: 'AGR',
  register: 'REG',
  record: 'REC',
  report: 'RPT',
  audit: 'AUD',
  'management-review': 'MR',
  other: 'DOC',
};

/** Types whose documents are themselves evidence that activities ran (a register is kept up to date, so it is a document). */
export const EVIDENCE_DOCUMENT_TYPES: ReadonlySet<DocumentType> = new Set<DocumentType>(['record', 'report', 'audit', 'management-review']);

export const DOCUMENT_STATUSES = ['draft', 'review', 'approved', 'retired'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export function isDocumentStatus(value: string): value is DocumentStatus {
  return (DOCUMENT_STATUSES as readonly string[]).includes(value);
}
