import { withIndefiniteArticle } from '../text/indefiniteArticle.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { countsAsEvidence, type EvidenceState } from '../model/evidenceState.js';
import type {
  AddressingDocument,
  ClauseCoverage,
  ClauseEvidence,
  ClauseReason,
  ClauseStatus,
  CoverageReport,
  CoverageSummary,
  EvidenceCount,
} from './coverageReport.js';

/**
 * One leaf clause's state and the reasons for it, from the documents that claim it and the evidence linked to it.
 * Gaps (something required is absent, counting support as written) make it partial; defects (support that is there
 * but cannot be relied on) make it at risk; a clause is covered only with neither.
 */
export function buildClauseCoverage(
  catalog: ClauseCatalog,
  config: ClausemarkConfig,
  clause: string,
  documents: AddressingDocument[],
  linked: ClauseEvidence[],
): ClauseCoverage {
  // `status: approved` is what a document says of itself; whether the approval is in force is a defect, not a gap.
  const approved = documents.filter((document) => document.status === 'approved');
  const missingDocuments = catalog
    .requiredDocuments(clause)
    .filter((requirement) => !approved.some((document) => document.type !== undefined && requirement.types.includes(document.type)));
  const recordsRequired = catalog.requiredRecords(clause).length > 0;
  const recordsPresent = linked.some((item) => countsAsEvidence(item.state));
  // The last exclusion of a clause wins, as it did when they were read into a map.
  // A control (Annex A of 27001) may be declared not applicable even where the catalog's clauses allow no exclusion.
  const excludable = catalog.exclusionsAllowed || catalog.get(clause)?.kind === 'control';
  const exclusion = excludable ? config.exclusions.filter((e) => e.clause === clause).pop()?.justification : undefined;

  const gaps: ClauseReason[] = [];
  const gap = (text: string): void => void gaps.push({ kind: 'gap', text });
  if (documents.length === 0) gap('no document addresses it');
  else if (approved.length === 0) gap(`only documents that are not approved address it (${documents.map((d) => `${d.id}: ${d.control.label}`).join(', ')})`);
  for (const requirement of missingDocuments) gap(`needs ${withIndefiniteArticle(requirement.types.join(' or '))}: ${requirement.description}`);
  if (recordsRequired && linked.length === 0) gap('it needs records, and no evidence is linked');

  const defects: ClauseReason[] = [];
  for (const document of approved) {
    for (const defect of document.control.defects)
      defects.push({ kind: 'defect', text: `${document.id}: ${defect}`, documentPath: document.path, range: document.claimRange });
  }
  for (const item of linked) {
    if (countsAsEvidence(item.state)) continue;
    const defect =
      item.state === 'stale' && item.date !== undefined ? `is from ${item.date}, older than the maximum evidence age` : EVIDENCE_DEFECT[item.state];
    defects.push({
      kind: 'defect',
      text: `evidence ${evidenceTarget(item)} (linked by ${item.documentId}) ${defect}`,
      documentPath: item.documentPath,
      range: item.range,
    });
  }
  if (recordsRequired && linked.length > 0 && !recordsPresent)
    defects.push({ kind: 'defect', text: 'none of its evidence is current, so the records it needs are not shown' });

  let status: ClauseStatus;
  if (exclusion !== undefined) status = 'excluded';
  else if (documents.length === 0) status = 'uncovered';
  else if (gaps.length > 0) status = 'partial';
  else status = defects.length > 0 ? 'at-risk' : 'covered';
  const reasons: ClauseReason[] =
    status === 'excluded'
      ? [{ kind: 'exclusion', text: exclusion !== undefined && exclusion !== '' ? `excluded: ${exclusion}` : 'excluded' }]
      : status === 'covered'
        ? []
        : [...gaps, ...defects];
  return {
    clause,
    title: catalog.get(clause)?.title ?? clause,
    status,
    documents,
    evidence: linked,
    evidenceCount: evidenceCount(linked),
    missingDocuments,
    recordsRequired,
    recordsPresent,
    reasons,
    ...(exclusion !== undefined ? { exclusion } : {}),
  };
}

const EVIDENCE_DEFECT: Record<EvidenceState, string> = {
  current: 'is current',
  undated: 'has no date',
  missing: 'does not exist',
  stale: 'is older than the maximum evidence age',
  outside: 'is outside the repository',
  invalid: 'is not a valid evidence entry',
};

function evidenceTarget(item: ClauseEvidence): string {
  return `\`${item.url ?? item.repositoryPath ?? item.path ?? item.documentPath}\``;
}

/** The one count of a clause's evidence every view shows. */
function evidenceCount(linked: readonly ClauseEvidence[]): EvidenceCount {
  const unusable: Partial<Record<EvidenceState, number>> = {};
  let usable = 0;
  for (const item of linked) {
    if (countsAsEvidence(item.state)) usable++;
    else unusable[item.state] = (unusable[item.state] ?? 0) + 1;
  }
  return { linked: linked.length, usable, unusable };
}

/** The report over the leaf clauses' coverage, in catalog order, with its summary. */
export function coverageReportOf(catalog: ClauseCatalog, clauses: ClauseCoverage[]): CoverageReport {
  return { catalog: { id: catalog.id, title: catalog.title }, clauses, summary: summarise(clauses.map((clause) => clause.status)) };
}

/** Counts per state and the covered percentage: covered over applicable (not excluded) clauses, at-risk ones included. */
export function summarise(statuses: readonly ClauseStatus[]): CoverageSummary {
  const count = (status: ClauseStatus): number => statuses.filter((entry) => entry === status).length;
  return summaryOf({
    leaves: statuses.length,
    covered: count('covered'),
    atRisk: count('at-risk'),
    partial: count('partial'),
    uncovered: count('uncovered'),
    excluded: count('excluded'),
  });
}

/** Several repositories' summaries as one (the editor's status bar over a multi-root workspace). */
export function combineSummaries(summaries: readonly CoverageSummary[]): CoverageSummary {
  const sum = (key: 'leaves' | 'covered' | 'atRisk' | 'partial' | 'uncovered' | 'excluded'): number =>
    summaries.reduce((total, summary) => total + summary[key], 0);
  return summaryOf({
    leaves: sum('leaves'),
    covered: sum('covered'),
    atRisk: sum('atRisk'),
    partial: sum('partial'),
    uncovered: sum('uncovered'),
    excluded: sum('excluded'),
  });
}

function summaryOf(counts: Omit<CoverageSummary, 'percent'>): CoverageSummary {
  const applicable = counts.leaves - counts.excluded;
  return { ...counts, percent: applicable === 0 ? 100 : Math.round((counts.covered / applicable) * 1000) / 10 };
}
