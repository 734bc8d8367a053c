import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { EVIDENCE_DOCUMENT_TYPES } from '../model/documentTypes.js';
import { countsAsEvidence, type EvidenceState } from '../model/evidenceState.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { withIndefiniteArticle } from '../text/indefiniteArticle.js';
import type { AddressingDocument, ClauseCoverage, ClauseEvidence, ClauseStatus, CoverageReport } from './coverageReport.js';

export interface CoverageInput {
  readonly catalog: ClauseCatalog;
  readonly config: ClausemarkConfig;
  readonly documents: Iterable<SmsDocument>;
  /** The state of one evidence link of a document. */
  evidenceState(document: SmsDocument, link: EvidenceLink): EvidenceState;
  /** The state of a record document taken as evidence by itself (its own date against the maximum age). */
  recordState(document: SmsDocument): EvidenceState;
}

/** What one document adds to the coverage model: the clauses it addresses and the evidence it links, per clause. */
export interface CoverageContribution {
  readonly addressing: readonly (readonly [clause: string, entry: AddressingDocument])[];
  readonly evidence: readonly (readonly [clause: string, entry: ClauseEvidence])[];
}

const NO_CONTRIBUTION: CoverageContribution = { addressing: [], evidence: [] };

/**
 * One document's part of the coverage model. It depends only on the document, the state of its evidence
 * and the day, so an index can keep it between edits and recompute only what an edit touches.
 */
export function coverageContribution(document: SmsDocument, input: Pick<CoverageInput, 'evidenceState' | 'recordState'>): CoverageContribution {
  if (!document.id || document.status?.value === 'retired') return NO_CONTRIBUTION;
  const addressing: [string, AddressingDocument][] = [];
  const evidence: [string, ClauseEvidence][] = [];
  const claimed = new Set<string>();
  for (const claim of document.clauses) {
    if (claimed.has(claim.clause)) continue;
    claimed.add(claim.clause);
    addressing.push([claim.clause, {
      id: document.id.value,
      title: document.title?.value ?? document.id.value,
      path: document.path,
      type: document.type?.value,
      status: document.status?.value,
      claimRange: claim.range,
    }]);
  }
  for (const link of document.evidence) {
    // Evidence without a clause supports every clause the document claims.
    const clauses = link.clause ? [link.clause.value] : [...claimed];
    const state = input.evidenceState(document, link);
    const location = link.path ? resolveEvidencePath(document.path, link.path.value) : undefined;
    for (const clause of clauses) {
      evidence.push([clause, {
        documentId: document.id.value,
        documentPath: document.path,
        ...(link.path ? { path: link.path.value } : {}),
        ...(location?.kind === 'inside' ? { repositoryPath: location.path } : {}),
        ...(link.url ? { url: link.url.value } : {}),
        ...(link.date ? { date: link.date.value } : {}),
        state,
        range: link.itemRange,
      }]);
    }
  }
  if (document.type && EVIDENCE_DOCUMENT_TYPES.has(document.type.value)) {
    const state = input.recordState(document);
    for (const clause of claimed) {
      evidence.push([clause, {
        documentId: document.id.value,
        documentPath: document.path,
        path: document.path,
        repositoryPath: document.path,
        ...(document.date ? { date: document.date.value } : {}),
        state,
        range: document.id.range,
      }]);
    }
  }
  return { addressing, evidence };
}

/**
 * The gap analysis: for every leaf clause, who addresses it, what evidence there is, and whether that
 * makes it covered (an approved document, every required document type, and current records where
 * records are required), partial or uncovered.
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
export function clauseCoverageFrom(catalog: ClauseCatalog, config: ClausemarkConfig, clause: string, contributions: Iterable<CoverageContribution>): ClauseCoverage {
  const documents: AddressingDocument[] = [];
  const linked: ClauseEvidence[] = [];
  for (const contribution of contributions) {
    for (const [named, entry] of contribution.addressing) if (named === clause) documents.push(entry);
    for (const [named, entry] of contribution.evidence) if (named === clause) linked.push(entry);
  }
  return buildClauseCoverage(catalog, config, clause, documents, linked);
}

function buildClauseCoverage(catalog: ClauseCatalog, config: ClausemarkConfig, clause: string, documents: AddressingDocument[], linked: ClauseEvidence[]): ClauseCoverage {
  const approved = documents.filter((document) => document.status === 'approved');
  const missingDocuments = catalog
    .requiredDocuments(clause)
    .filter((requirement) => !approved.some((document) => document.type !== undefined && requirement.types.includes(document.type)));
  const recordsRequired = catalog.requiredRecords(clause).length > 0;
  const recordsPresent = linked.some((item) => countsAsEvidence(item.state));
  // The last exclusion of a clause wins, as it did when they were read into a map.
  const exclusion = catalog.exclusionsAllowed ? config.exclusions.filter((e) => e.clause === clause).pop()?.justification : undefined;

  const gaps: string[] = [];
  if (documents.length === 0) gaps.push('no document addresses it');
  else if (approved.length === 0) gaps.push(`only documents that are not approved address it (${documents.map((d) => `${d.id}: ${d.status ?? 'no status'}`).join(', ')})`);
  for (const requirement of missingDocuments) gaps.push(`needs ${withIndefiniteArticle(requirement.types.join(' or '))}: ${requirement.description}`);
  if (recordsRequired && !recordsPresent) gaps.push(linked.length > 0 ? 'its evidence is stale, missing or invalid' : 'it needs records, and no evidence is linked');

  let status: ClauseStatus;
  if (exclusion !== undefined) status = 'excluded';
  else if (documents.length === 0) status = 'uncovered';
  else status = gaps.length === 0 ? 'covered' : 'partial';
  return {
    clause,
    title: catalog.get(clause)?.title ?? clause,
    status,
    documents,
    evidence: linked,
    missingDocuments,
    recordsRequired,
    recordsPresent,
    gaps: status === 'covered' || status === 'excluded' ? [] : gaps,
    ...(exclusion !== undefined ? { exclusion } : {}),
  };
}

/** The report over the leaf clauses' coverage, in catalog order, with its summary. */
export function coverageReportOf(catalog: ClauseCatalog, clauses: ClauseCoverage[]): CoverageReport {
  const count = (status: ClauseStatus): number => clauses.filter((clause) => clause.status === status).length;
  const covered = count('covered');
  const excludedCount = count('excluded');
  const applicable = clauses.length - excludedCount;
  return {
    catalog: { id: catalog.id, title: catalog.title },
    clauses,
    summary: {
      leaves: clauses.length,
      covered,
      partial: count('partial'),
      uncovered: count('uncovered'),
      excluded: excludedCount,
      percent: applicable === 0 ? 100 : Math.round((covered / applicable) * 1000) / 10,
    },
  };
}
