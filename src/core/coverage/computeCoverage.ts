import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { EVIDENCE_DOCUMENT_TYPES } from '../model/documentTypes.js';
import { countsAsEvidence, type EvidenceState } from '../model/evidenceState.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
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

/**
 * The gap analysis: for every leaf clause, who addresses it, what evidence there is, and whether that
 * makes it covered (an approved document, every required document type, and current records where
 * records are required), partial or uncovered.
 */
export function computeCoverage(input: CoverageInput): CoverageReport {
  const { catalog, config } = input;
  const addressing = new Map<string, AddressingDocument[]>();
  const evidence = new Map<string, ClauseEvidence[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const document of input.documents) {
    if (!document.id || document.status?.value === 'retired') continue;
    const claimed = new Set<string>();
    for (const claim of document.clauses) {
      if (claimed.has(claim.clause)) continue;
      claimed.add(claim.clause);
      add(addressing, claim.clause, {
        id: document.id.value,
        title: document.title?.value ?? document.id.value,
        path: document.path,
        type: document.type?.value,
        status: document.status?.value,
        claimRange: claim.range,
      });
    }
    for (const link of document.evidence) {
      // Evidence without a clause supports every clause the document claims.
      const clauses = link.clause ? [link.clause.value] : [...claimed];
      const state = input.evidenceState(document, link);
      for (const clause of clauses) {
        add(evidence, clause, {
          documentId: document.id.value,
          documentPath: document.path,
          ...(link.path ? { path: link.path.value } : {}),
          ...(link.url ? { url: link.url.value } : {}),
          ...(link.date ? { date: link.date.value } : {}),
          state,
          range: link.itemRange,
        });
      }
    }
    if (document.type && EVIDENCE_DOCUMENT_TYPES.has(document.type.value)) {
      const state = input.recordState(document);
      for (const clause of claimed) {
        add(evidence, clause, {
          documentId: document.id.value,
          documentPath: document.path,
          path: document.path,
          ...(document.date ? { date: document.date.value } : {}),
          state,
          range: document.id.range,
        });
      }
    }
  }

  const excluded = new Map(catalog.exclusionsAllowed ? config.exclusions.map((e) => [e.clause, e.justification] as const) : []);
  const clauses: ClauseCoverage[] = catalog.leaves().map((leaf) => {
    const documents = addressing.get(leaf.id) ?? [];
    const linked = evidence.get(leaf.id) ?? [];
    const approved = documents.filter((document) => document.status === 'approved');
    const missingDocuments = catalog
      .requiredDocuments(leaf.id)
      .filter((requirement) => !approved.some((document) => document.type !== undefined && requirement.types.includes(document.type)));
    const recordsRequired = catalog.requiredRecords(leaf.id).length > 0;
    const recordsPresent = linked.some((item) => countsAsEvidence(item.state));
    const exclusion = excluded.get(leaf.id);

    const gaps: string[] = [];
    if (documents.length === 0) gaps.push('no document addresses it');
    else if (approved.length === 0) gaps.push(`only documents that are not approved address it (${documents.map((d) => `${d.id}: ${d.status ?? 'no status'}`).join(', ')})`);
    for (const requirement of missingDocuments) gaps.push(`needs a ${requirement.types.join(' or ')}: ${requirement.description}`);
    if (recordsRequired && !recordsPresent) gaps.push(linked.length > 0 ? 'its evidence is stale, missing or invalid' : 'it needs records, and no evidence is linked');

    let status: ClauseStatus;
    if (exclusion !== undefined) status = 'excluded';
    else if (documents.length === 0) status = 'uncovered';
    else status = gaps.length === 0 ? 'covered' : 'partial';
    return {
      clause: leaf.id,
      title: leaf.title,
      status,
      documents,
      evidence: linked,
      missingDocuments,
      recordsRequired,
      recordsPresent,
      gaps: status === 'covered' || status === 'excluded' ? [] : gaps,
      ...(exclusion !== undefined ? { exclusion } : {}),
    };
  });

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
