import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { SuggestionBudget } from '../catalog/suggestionBudget.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { ClauseCoverage, CoverageReport } from '../coverage/coverageReport.js';
import { daysBetween } from '../document/dates.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { Finding, RelatedLocation } from '../model/finding.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';
import { createFinding } from './createFinding.js';
import { resolveEvidencePath } from './evidencePath.js';

/** What is on disk at an evidence path. */
export interface TargetState {
  readonly exists: boolean;
  /** What exists there is a regular file; evidence must be one (a folder, even the repository root, is not a record). */
  readonly isFile: boolean;
  /** The path exists but a symlink takes it outside the repository. */
  readonly leavesRepository: boolean;
}

/** The parts of the index that cross-document checks read. */
export interface RepositoryView {
  readonly config: ClausemarkConfig;
  readonly catalog: ClauseCatalog;
  readonly today: string;
  documentsWithId(id: string): readonly SmsDocument[];
  /** Every id, as one array kept while ids stay the same (suggestions are remembered per array). */
  allIds(): readonly string[];
  /** The SMS document at a repository-relative path, if that file is one. */
  documentAt(path: string): SmsDocument | undefined;
  /** What is at a repository-relative path; undefined until it has been looked at. */
  targetState(path: string): TargetState | undefined;
}

type Report = (finding: Finding) => void;

/** The most other places one finding lists; the message counts the rest. */
export const MAX_RELATED = 20;

/** Duplicate ids and `related` ids that match no document. */
export function traceFindings(document: SmsDocument, view: RepositoryView, report: Report, suggestionBudget: SuggestionBudget): void {
  if (document.id) {
    const owners = view.documentsWithId(document.id.value);
    if (owners.length > 1) {
      // Thousands of copies of one id must not make every finding list every other copy (quadratic output).
      const allOthers = owners.filter((other) => other !== document);
      const others = allOthers.slice(0, MAX_RELATED);
      const more = allOthers.length - others.length;
      report(createFinding('trace.duplicate-id', document.path, document.id.range, `The id \`${document.id.value}\` is also used by ${others.map((o) => o.path).join(', ')}${more > 0 ? ` and ${more} more ${more === 1 ? 'document' : 'documents'}` : ''}; ids must be unique across the SMS.`, {
        related: others.map((other) => ({ file: other.path, range: other.id?.range, message: `also \`${document.id?.value}\`` }) as const).map(stripUndefinedRange),
        data: { documentId: document.id.value },
      }));
    }
  }
  for (const reference of document.related) {
    if (view.documentsWithId(reference.value).length > 0) continue;
    const ids = view.allIds();
    const suggestions = suggestionBudget.nearest(reference.value, ids, 3);
    report(createFinding('trace.unknown-related', document.path, reference.range, `No document has the id \`${reference.value}\`${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '.'}`, {
      data: { documentId: reference.value, suggestions },
    }));
  }
}

/** The state of one evidence link, shared by the evidence findings and the coverage model. */
export function evidenceState(document: SmsDocument, link: EvidenceLink, view: RepositoryView): EvidenceState {
  if ((link.path === undefined) === (link.url === undefined)) return 'invalid';
  let date = link.date?.value;
  if (link.path) {
    const location = resolveEvidencePath(document.path, link.path.value);
    if (location.kind === 'outside') return 'outside';
    const target = view.targetState(location.path);
    if (!target || !target.exists) return 'missing';
    if (target.leavesRepository) return 'outside';
    if (!target.isFile) return 'missing';
    const record = view.documentAt(location.path);
    date ??= record?.date?.value ?? record?.approvedOn?.value;
  } else if (link.url && !/^https?:\/\//i.test(link.url.value.trim())) {
    return 'invalid';
  }
  return dateState(date, view);
}

/** A record document counted as evidence by itself: current while its own date is within the maximum age. */
export function recordState(document: SmsDocument, view: RepositoryView): EvidenceState {
  return dateState(document.date?.value ?? document.approvedOn?.value, view);
}

function dateState(date: string | undefined, view: RepositoryView): EvidenceState {
  if (date === undefined) return 'undated';
  return daysBetween(date, view.today) > view.config.evidenceMaxAgeDays ? 'stale' : 'current';
}

/** Evidence that is missing on disk, leaves the repository through a symlink, is stale or is undated. */
export function evidenceFindings(document: SmsDocument, view: RepositoryView, report: Report): void {
  for (const link of document.evidence) {
    const state = evidenceState(document, link, view);
    const at = link.path?.range ?? link.url?.range ?? link.itemRange;
    if (state === 'missing' && link.path) {
      const location = resolveEvidencePath(document.path, link.path.value);
      const found = location.kind === 'inside' ? view.targetState(location.path) : undefined;
      const message = found?.exists ? `The evidence \`${link.path.value}\` is not a file (a folder, say); evidence must be a file, so link the record itself.` : `The evidence file \`${link.path.value}\` does not exist.`;
      report(createFinding('evidence.missing-file', document.path, link.path.range, message, { data: { evidencePath: link.path.value } }));
    } else if (state === 'outside' && link.path && resolveEvidencePath(document.path, link.path.value).kind === 'inside') {
      // Paths that leave the repository as written are reported by the document checks; this one leaves through a symlink.
      report(createFinding('evidence.outside-repository', document.path, link.path.range, `The evidence \`${link.path.value}\` is a link to a place outside the repository; Clausemark does not follow it.`, { data: { evidencePath: link.path.value } }));
    } else if (state === 'stale') {
      const date = link.date?.value ?? recordDate(document, link, view);
      report(createFinding('evidence.stale', document.path, link.date?.range ?? at, `This evidence is from ${date ?? 'an unknown date'}, older than the ${view.config.evidenceMaxAgeDays}-day maximum (\`evidenceMaxAgeDays\`); link a current record.`, {
        ...(link.clause ? { data: { clause: link.clause.value } } : {}),
      }));
    } else if (state === 'undated') {
      report(createFinding('evidence.undated', document.path, at, 'This evidence has no `date:`, so its age cannot be judged.'));
    }
  }
}

function recordDate(document: SmsDocument, link: EvidenceLink, view: RepositoryView): string | undefined {
  if (!link.path) return undefined;
  const location = resolveEvidencePath(document.path, link.path.value);
  if (location.kind === 'outside') return undefined;
  const record = view.documentAt(location.path);
  return record?.date?.value ?? record?.approvedOn?.value;
}

/** Coverage gaps as findings about the repository, placed on the config file when there is one. */
export function coverageFindings(coverage: CoverageReport, catalog: ClauseCatalog, file: string, range: SourceRange | undefined): Finding[] {
  return coverage.clauses.flatMap((clause) => clauseCoverageFindings(clause, catalog, file, range));
}

/**
 * The coverage findings of one clause (an index keeps them while the clause's coverage is unchanged). The rule
 * follows the clause's state: `uncovered-clause` for uncovered, `partial-clause`, `missing-document-type` or
 * `missing-records` for each gap of a partial clause, `at-risk-clause` for an at-risk one.
 */
export function clauseCoverageFindings(clause: ClauseCoverage, catalog: ClauseCatalog, file: string, range: SourceRange | undefined): Finding[] {
  const label = catalog.label(clause.clause);
  const data = { clause: clause.clause };
  const related = clause.documents.map((document) => ({ file: document.path, range: document.claimRange, message: document.viaCrosswalk !== undefined ? `${document.id} (${document.control.label}) counts for ${clause.clause} via crosswalk from ${document.viaCrosswalk}` : `${document.id} (${document.control.label}) claims ${clause.clause}` }));
  switch (clause.status) {
    case 'covered':
    case 'excluded':
      return [];
    case 'uncovered':
      return [createFinding('coverage.uncovered-clause', file, range, `${label}: no document addresses this clause.`, { data })];
    case 'at-risk': {
      const defects = clause.reasons.filter((reason) => reason.kind === 'defect');
      const places = defects.flatMap((reason) => (reason.documentPath !== undefined ? [{ file: reason.documentPath, ...(reason.range ? { range: reason.range } : {}), message: reason.text }] : []));
      return [createFinding('coverage.at-risk-clause', file, range, `${label}: addressed, but not reliably: ${defects.map((reason) => reason.text).join('; ')}.`, { related: places, data })];
    }
    case 'partial':
      return partialClauseFindings(clause, catalog, file, range, related);
  }
}

function partialClauseFindings(clause: ClauseCoverage, catalog: ClauseCatalog, file: string, range: SourceRange | undefined, related: RelatedLocation[]): Finding[] {
  const label = catalog.label(clause.clause);
  const data = { clause: clause.clause };
  const approved = clause.documents.filter((document) => document.status === 'approved');
  if (approved.length === 0) {
    return [createFinding('coverage.partial-clause', file, range, `${label}: no approved document addresses this clause; it is claimed only by ${clause.documents.map((d) => `${d.id} (${d.control.label})`).join(', ')}.`, { related, data })];
  }
  const findings: Finding[] = [];
  for (const requirement of clause.missingDocuments) {
    findings.push(createFinding('coverage.missing-document-type', file, range, `${label}: needs an approved ${requirement.types.join(' or ')} (${requirement.description}); it is addressed only by ${approved.map((d) => `${d.id} (${d.type ?? 'no type'})`).join(', ')}.`, { related, data }));
  }
  if (clause.recordsRequired && clause.evidence.length === 0) {
    findings.push(createFinding('coverage.missing-records', file, range, `${label}: this clause calls for records (${catalog.requiredRecords(clause.clause).map((r) => r.description).join('; ')}), but no evidence is linked to it.`, { related, data }));
  }
  return findings;
}

function stripUndefinedRange<T extends { range?: SourceRange | undefined }>(location: T): T {
  if (location.range !== undefined) return location;
  const { range: _unused, ...rest } = location;
  return rest as T;
}
