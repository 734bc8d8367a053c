import type { SourceRange } from '../text/sourceRange.js';
import type { DocumentStatus, DocumentType } from './documentTypes.js';

/** A value read from frontmatter, with the range of the value in the file. */
export interface Located<T> {
  readonly value: T;
  readonly range: SourceRange;
}

/** One key of the frontmatter mapping. */
export interface FrontmatterField {
  readonly key: string;
  readonly keyRange: SourceRange;
  /** Set when the value is there but malformed (reported as `frontmatter.invalid-field`), so it is not also missing. */
  readonly malformed?: true;
}

/** One entry of `clauses:`. */
export interface ClauseClaim {
  /** The id as written, or `alias:id` for an id listed under a catalog alias (`clauses: { "27001": [A.5.24] }`). */
  readonly clause: string;
  /** The catalog alias key the id is listed under, when `clauses` is a mapping of alias → list. */
  readonly alias?: Located<string>;
  /** The clause id's own range. */
  readonly range: SourceRange;
  /** The whole list item. */
  readonly itemRange: SourceRange;
  readonly section?: Located<string>;
}

/** One entry of `evidence:`. */
export interface EvidenceLink {
  readonly itemRange: SourceRange;
  readonly path?: Located<string>;
  readonly url?: Located<string>;
  readonly clause?: Located<string>;
  /** `YYYY-MM-DD` */
  readonly date?: Located<string>;
  readonly description?: string;
}

export interface Heading {
  readonly text: string;
  readonly slug: string;
  readonly depth: number;
  readonly range: SourceRange;
}

/** A fenced code block of a diagram language (mermaid), kept for diagram checks and previews. */
export interface DiagramBlock {
  readonly language: string;
  readonly source: string;
  readonly range: SourceRange;
}

/** An SMS document: what its frontmatter says, where each part is, and its outline. */
export interface SmsDocument {
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  readonly frontmatterRange: SourceRange;
  readonly fields: ReadonlyMap<string, FrontmatterField>;
  readonly id?: Located<string>;
  readonly title?: Located<string>;
  readonly type?: Located<DocumentType>;
  readonly owner?: Located<string>;
  readonly status?: Located<DocumentStatus>;
  readonly version?: Located<string>;
  readonly approvedBy?: Located<string>;
  readonly approvedOn?: Located<string>;
  readonly nextReview?: Located<string>;
  /** When a record was made. */
  readonly date?: Located<string>;
  readonly description?: Located<string>;
  readonly clauses: readonly ClauseClaim[];
  readonly evidence: readonly EvidenceLink[];
  readonly related: readonly Located<string>[];
  readonly headings: readonly Heading[];
  readonly diagrams: readonly DiagramBlock[];
  /** What an audit report audited (`type: audit`). */
  readonly audit?: AuditDetails;
  /** The findings an audit raised: nonconformities, observations, opportunities. */
  readonly findings?: readonly AuditFinding[];
}

/** The `audit:` block of an audit report. */
export interface AuditDetails {
  readonly range: SourceRange;
  readonly kind?: Located<AuditKind>;
  readonly auditor?: Located<string>;
  /** Clause ids as written; a parent stands for all its leaves. */
  readonly scope: readonly Located<string>[];
}

/** One entry of `findings:`, values as written (the `nc.invalid` rule judges them, at their own positions). */
export interface AuditFinding {
  readonly itemRange: SourceRange;
  readonly id?: Located<string>;
  readonly clause?: Located<string>;
  readonly grade?: Located<string>;
  readonly summary?: Located<string>;
  readonly raisedOn?: Located<string>;
  readonly due?: Located<string>;
  readonly status?: Located<string>;
  readonly closedOn?: Located<string>;
  readonly action?: Located<string>;
  readonly verifiedOn?: Located<string>;
}

export const AUDIT_KINDS = ['internal', 'stage1', 'stage2', 'surveillance', 'recertification'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
/** Audits by the certification body, planned in `certification.audits`. */
export const EXTERNAL_AUDIT_KINDS: readonly AuditKind[] = ['stage1', 'stage2', 'surveillance', 'recertification'];
export const FINDING_GRADES = ['major', 'minor', 'observation', 'opportunity'] as const;
export const FINDING_STATUSES = ['open', 'closed'] as const;
export const FINDING_KEYS = ['id', 'clause', 'grade', 'summary', 'raised_on', 'due', 'status', 'closed_on', 'action', 'verified_on'] as const;

export function isAuditKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}

/** Known frontmatter fields, in the order a template writes them. */
export const KNOWN_FIELDS = [
  'id',
  'title',
  'type',
  'owner',
  'status',
  'version',
  'approved_by',
  'approved_on',
  'next_review',
  'date',
  'description',
  'clauses',
  'evidence',
  'related',
  'audit',
  'findings',
] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];
