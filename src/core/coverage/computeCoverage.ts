import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { EVIDENCE_DOCUMENT_TYPES } from '../model/documentTypes.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { buildClauseCoverage, coverageReportOf } from './clauseState.js';
import type { AddressingDocument, ClauseCoverage, ClauseEvidence, CoverageReport } from './coverageReport.js';
import type { DocumentControl } from './documentControl.js';

export interface CoverageInput {
  readonly catalog: ClauseCatalog;
  readonly config: ClausemarkConfig;
  readonly documents: Iterable<SmsDocument>;
  /** The state of one evidence link of a document. */
  evidenceState(document: SmsDocument, link: EvidenceLink): EvidenceState;
  /** The state of a record document taken as evidence by itself (its own date against the maximum age). */
  recordState(document: SmsDocument): EvidenceState;
  /** The document's approval and review state on the day checked. */
  documentControl(document: SmsDocument): DocumentControl;
  /** The key a clause id as written counts under (see CatalogSet.key); the id itself when absent (one catalog). */
  clauseKey?(written: string): string;
  /**
   * The key an ISO/IEC 20000-1 clause that a record of the certification cycle is evidence for by what it is
   * (9.2, 9.3, 10.1) counts under: 20000-1's alias when it is not the primary catalog; undefined when the project
   * has no 20000-1 catalog (the record then counts only for what it claims); the id itself when absent.
   */
  cycleClauseKey?(id: string): string | undefined;
}

/** What one document adds to the coverage model: the clauses it addresses and the evidence it links, per clause. */
export interface CoverageContribution {
  readonly addressing: readonly (readonly [clause: string, entry: AddressingDocument])[];
  readonly evidence: readonly (readonly [clause: string, entry: ClauseEvidence])[];
}

const NO_CONTRIBUTION: CoverageContribution = { addressing: [], evidence: [] };

/**
 * One document's part of the coverage model. It depends only on the document, the state of its evidence,
 * its control state and the day, so an index can keep it between edits and recompute only what an edit touches.
 */
export function coverageContribution(
  document: SmsDocument,
  input: Pick<CoverageInput, 'evidenceState' | 'recordState' | 'documentControl' | 'clauseKey' | 'cycleClauseKey'>,
): CoverageContribution {
  if (!document.id || document.status?.value === 'retired') return NO_CONTRIBUTION;
  const addressing: [string, AddressingDocument][] = [];
  const evidence: [string, ClauseEvidence][] = [];
  const claimed = new Set<string>();
  const control = input.documentControl(document);
  const keyOf = (written: string): string => (input.clauseKey ? input.clauseKey(written) : written);
  for (const claim of document.clauses) {
    const key = keyOf(claim.clause);
    if (claimed.has(key)) continue;
    claimed.add(key);
    addressing.push([
      key,
      {
        id: document.id.value,
        title: document.title?.value ?? document.id.value,
        path: document.path,
        type: document.type?.value,
        status: document.status?.value,
        control,
        claimRange: claim.range,
      },
    ]);
  }
  for (const link of document.evidence) {
    // Evidence without a clause supports every clause the document claims.
    const clauses = link.clause ? [keyOf(link.clause.value)] : [...claimed];
    const state = input.evidenceState(document, link);
    const location = link.path ? resolveEvidencePath(document.path, link.path.value) : undefined;
    for (const clause of clauses) {
      evidence.push([
        clause,
        {
          documentId: document.id.value,
          documentPath: document.path,
          ...(link.path ? { path: link.path.value } : {}),
          ...(location?.kind === 'inside' ? { repositoryPath: location.path } : {}),
          ...(link.url ? { url: link.url.value } : {}),
          ...(link.date ? { date: link.date.value } : {}),
          state,
          range: link.itemRange,
        },
      ]);
    }
  }
  if (document.type && EVIDENCE_DOCUMENT_TYPES.has(document.type.value)) {
    const state = input.recordState(document);
    // An audit report is evidence of internal audit (9.2), a management review of 9.3, and a nonconformity with
    // its corrective action of 10.1, whatever the document claims.
    const cycleKeys = cycleClauses(document).flatMap((clause) => (input.cycleClauseKey ? (input.cycleClauseKey(clause) ?? []) : [clause]));
    for (const clause of [...claimed, ...cycleKeys.filter((clause) => !claimed.has(clause))]) {
      evidence.push([
        clause,
        {
          documentId: document.id.value,
          documentPath: document.path,
          path: document.path,
          repositoryPath: document.path,
          ...(document.date ? { date: document.date.value } : {}),
          state,
          range: document.id.range,
        },
      ]);
    }
  }
  return { addressing, evidence };
}

/** The clauses a record of the certification cycle is evidence for by what it is. */
function cycleClauses(document: SmsDocument): string[] {
  const clauses: string[] = [];
  if (document.type?.value === 'audit') clauses.push('9.2');
  if (document.type?.value === 'management-review') clauses.push('9.3');
  if ((document.findings ?? []).some((finding) => finding.action !== undefined)) clauses.push('10.1');
  return clauses;
}

/**
 * The compliance model: for every leaf clause, who addresses it, what evidence there is, its state and the
 * reasons for it (see `buildClauseCoverage`).
 */
export function computeCoverage(input: CoverageInput): CoverageReport {
  const contributions: CoverageContribution[] = [];
  for (const document of input.documents) contributions.push(coverageContribution(document, input));
  return assembleCoverage(input.catalog, input.config, contributions);
}

/** The coverage report from the documents' contributions, taken in document order. */
export function assembleCoverage(catalog: ClauseCatalog, config: ClausemarkConfig, contributions: Iterable<CoverageContribution>): CoverageReport {
  const addressing = new Map<string, AddressingDocument[]>();
  const evidence = new Map<string, ClauseEvidence[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const contribution of contributions) {
    for (const [clause, entry] of contribution.addressing) add(addressing, clause, entry);
    for (const [clause, entry] of contribution.evidence) add(evidence, clause, entry);
  }
  const clauses = catalog.leaves().map((leaf) => buildClauseCoverage(catalog, config, leaf.id, addressing.get(leaf.id) ?? [], evidence.get(leaf.id) ?? []));
  return coverageReportOf(catalog, clauses);
}

/** One leaf clause's coverage from the contributions of the documents that name it, taken in document order. */
export function clauseCoverageFrom(
  catalog: ClauseCatalog,
  config: ClausemarkConfig,
  clause: string,
  contributions: Iterable<CoverageContribution>,
): ClauseCoverage {
  const documents: AddressingDocument[] = [];
  const linked: ClauseEvidence[] = [];
  for (const contribution of contributions) {
    for (const [named, entry] of contribution.addressing) if (named === clause) documents.push(entry);
    for (const [named, entry] of contribution.evidence) if (named === clause) linked.push(entry);
  }
  return buildClauseCoverage(catalog, config, clause, documents, linked);
}
