import type { CoverageReport } from '../coverage/coverageReport.js';
import { EVIDENCE_DOCUMENT_TYPES } from '../model/documentTypes.js';
import type { Finding, RelatedLocation } from '../model/finding.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { createFinding } from '../rules/createFinding.js';
import type { SourceRange } from '../text/sourceRange.js';
import { isSubstantive, type DocumentChange } from './documentChanges.js';

/**
 * Document control across the change (ISO/IEC 20000-1 7.5.3: changes are controlled): a revised document gets
 * a new version, an approved one a new approval.
 */
export function documentControlFindings(changes: readonly DocumentChange[]): Finding[] {
  const findings: Finding[] = [];
  for (const change of changes) {
    const { base, head } = change;
    // Retiring a document and clearing its claims is housekeeping (control.retired-claims-clauses asks for it).
    if (!base || !head || !isSubstantive(change) || head.status?.value === 'retired') continue;
    const what = change.bodyChanged && change.clausesChanged ? 'text and clauses' : change.bodyChanged ? 'text' : 'clauses';
    const revised = head.type === undefined || !EVIDENCE_DOCUMENT_TYPES.has(head.type.value);
    if (revised && head.version && base.version && head.version.value === base.version.value) {
      findings.push(
        createFinding(
          'change.version-not-bumped',
          head.path,
          head.version.range,
          `The ${what} of this document changed, but \`version\` is still ${head.version.value}; raise it so readers can tell the revisions apart.`,
          {
            data: { field: 'version', ...(head.id ? { documentId: head.id.value } : {}) },
          },
        ),
      );
    }
    const stillApproved = base.status?.value === 'approved' && head.status?.value === 'approved';
    if (stillApproved && head.approvedOn && base.approvedOn && head.approvedOn.value === base.approvedOn.value) {
      findings.push(
        createFinding(
          'change.approval-not-renewed',
          head.path,
          head.approvedOn.range,
          `The ${what} of this approved document changed, but its approval (\`approved_on\` ${head.approvedOn.value}) is the one given before; record the new approval, or set \`status\` back to review.`,
          {
            data: { field: 'approved_on', ...(head.id ? { documentId: head.id.value } : {}) },
          },
        ),
      );
    }
  }
  return findings;
}

/** Where a repository-level finding goes when no document of the head can carry it. */
export interface RepositoryPlace {
  readonly file: string;
  readonly range: SourceRange | undefined;
}

/**
 * Clauses that some document addressed on the base and none addresses on the head, because the change retired
 * or deleted those documents or dropped the claims.
 */
export function lastCoverageFindings(base: CoverageReport, head: CoverageReport, changes: readonly DocumentChange[], repository: RepositoryPlace): Finding[] {
  const headClauses = new Map(head.clauses.map((clause) => [clause.clause, clause]));
  const changeById = new Map<string, DocumentChange>();
  for (const change of changes) {
    const id = change.base?.id?.value;
    if (id !== undefined) changeById.set(id, change);
  }
  const findings: Finding[] = [];
  for (const before of base.clauses) {
    const after = headClauses.get(before.clause);
    if (before.documents.length === 0 || !after || after.documents.length > 0 || after.status === 'excluded') continue;
    const places: { file: string; range: SourceRange | undefined; what: string }[] = before.documents.map((document) => {
      const change = changeById.get(document.id);
      const headDocument = change?.head;
      if (!headDocument) return { file: document.path, range: undefined, what: `${document.id} was deleted` };
      if (headDocument.status?.value === 'retired') return { file: headDocument.path, range: headDocument.status.range, what: `${document.id} was retired` };
      return { file: headDocument.path, range: claimsRange(headDocument), what: `${document.id} no longer claims it` };
    });
    const onHead = places.filter((place) => place.range !== undefined);
    const primary = onHead[0] ?? { file: repository.file, range: repository.range, what: '' };
    const related: RelatedLocation[] = onHead
      .slice(1)
      .map((place) => ({ file: place.file, ...(place.range ? { range: place.range } : {}), message: place.what }));
    findings.push(
      createFinding(
        'change.last-coverage-removed',
        primary.file,
        primary.range,
        `Clause ${before.clause} (${before.title}) is no longer addressed by any document: ${places.map((place) => place.what).join('; ')}.`,
        {
          related,
          data: { clause: before.clause },
        },
      ),
    );
  }
  return findings;
}

function claimsRange(document: SmsDocument): SourceRange | undefined {
  return document.fields.get('clauses')?.keyRange ?? document.id?.range ?? document.frontmatterRange;
}
