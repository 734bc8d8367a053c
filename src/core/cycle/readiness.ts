import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { PlannedAudit } from '../config/certification.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { CatalogCoverage } from '../coverage/catalogCoverage.js';
import type { CoverageReport } from '../coverage/coverageReport.js';
import { addMonths, daysBetween } from '../model/dates.js';
import { EVIDENCE_DOCUMENT_TYPES } from '../model/documentTypes.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { computeCycle } from './cycleState.js';
import { isNonconformity, type NonconformityRecord } from '../model/nonconformity.js';

/** Which audit to judge readiness for: the next planned one, the next of a kind, or a day. */
export type ReadinessTarget = 'next' | PlannedAudit['kind'] | { readonly date: string };

/** What each section of a readiness report is about, as every view titles it. */
export const READINESS_SECTION_TITLES: Record<ReadinessSection, string> = {
  documents: 'Documents due for review before the audit',
  evidence: 'Evidence stale by the audit',
  nonconformities: 'Nonconformities open or overdue by the audit',
  'internal-audit': 'Clauses not internally audited within the window',
  'management-review': 'Management review',
  'mandatory-documents': 'Mandatory documented information (Stage 1)',
};

export type ReadinessSection = 'documents' | 'evidence' | 'nonconformities' | 'internal-audit' | 'management-review' | 'mandatory-documents';

/** One thing checked for the audit; `blocks` when it stands in the way on the audit's day. */
export interface ReadinessItem {
  readonly section: ReadinessSection;
  readonly blocks: boolean;
  /** The clause, document id or nonconformity id the item is about. */
  readonly subject: string;
  readonly message: string;
  readonly path?: string;
}

/** Whether the SMS is ready for an audit, judged as of the audit's day. */
export interface ReadinessReport {
  readonly today: string;
  readonly audit: { readonly kind: PlannedAudit['kind'] | undefined; readonly date: string; readonly daysLeft: number; readonly planned: boolean };
  /** `ready` when nothing blocks. */
  readonly verdict: 'ready' | 'blocked';
  readonly blockers: number;
  readonly items: readonly ReadinessItem[];
  readonly lastManagementReview: { readonly documentId: string; readonly date: string } | undefined;
  readonly nonconformities: readonly NonconformityRecord[];
}

export interface ReadinessInput {
  readonly documents: readonly SmsDocument[];
  readonly catalog: ClauseCatalog;
  readonly config: ClausemarkConfig;
  readonly coverage: CoverageReport;
  /** With several catalogs: the catalogs after the primary, whose required documents a Stage 1 review checks too. */
  readonly otherCatalogs?: readonly CatalogCoverage[];
  readonly today: string;
}

/** The audit a target names, or a sentence saying why there is none. */
export function resolveTarget(
  config: ClausemarkConfig,
  today: string,
  target: ReadinessTarget,
): { kind: PlannedAudit['kind'] | undefined; date: string; planned: boolean } | string {
  if (typeof target === 'object') {
    const planned = config.certification?.audits.find((audit) => audit.date === target.date);
    return { kind: planned?.kind, date: target.date, planned: planned !== undefined };
  }
  if (!config.certification) return 'clausemark.json has no `certification` block, so no audit is planned; give --for YYYY-MM-DD, or add the block';
  const audit = config.certification.audits.find((planned) => planned.date >= today && (target === 'next' || planned.kind === target));
  if (!audit) return `no ${target === 'next' ? '' : `${target} `}audit is planned on or after ${today} in \`certification.audits\``;
  return { kind: audit.kind, date: audit.date, planned: true };
}

/** Judges the SMS as of the audit's day: what will be overdue, stale, open or missing by then. */
export function assessReadiness(input: ReadinessInput, audit: { kind: PlannedAudit['kind'] | undefined; date: string; planned: boolean }): ReadinessReport {
  const { documents, catalog, config, coverage, today } = input;
  const day = audit.date;
  const cycle = computeCycle(documents, catalog, config, day);
  const items: ReadinessItem[] = [];
  for (const document of documents) {
    const next = document.nextReview?.value;
    if (
      !document.id ||
      document.status?.value === 'retired' ||
      EVIDENCE_DOCUMENT_TYPES.has(document.type?.value ?? 'other') ||
      next === undefined ||
      next >= day
    )
      continue;
    items.push({
      section: 'documents',
      blocks: true,
      subject: document.id.value,
      path: document.path,
      message: `${document.id.value}: its review falls due on ${next}, before the audit`,
    });
  }
  const seen = new Set<string>();
  for (const clause of coverage.clauses) {
    for (const evidence of clause.evidence) {
      const key = `${evidence.documentPath}:${evidence.range.start.offset}`;
      if (evidence.date === undefined || seen.has(key) || daysBetween(evidence.date, day) <= config.evidenceMaxAgeDays) continue;
      seen.add(key);
      items.push({
        section: 'evidence',
        blocks: true,
        subject: evidence.documentId,
        path: evidence.documentPath,
        message: `${evidence.path ?? evidence.url ?? evidence.documentId} (${evidence.date}) will be older than ${config.evidenceMaxAgeDays} days by then`,
      });
    }
  }
  for (const nc of cycle.nonconformities) {
    if (nc.state === 'closed') continue;
    // Open major nonconformities and any overdue correction block; open minor ones in time and observations do not.
    const blocks = nc.state === 'overdue' || (nc.state === 'open' && nc.grade === 'major') || nc.state === 'unverified';
    if (!isNonconformity(nc.grade) && nc.state === 'open') continue;
    const what =
      nc.state === 'unverified' ? 'closed without verification' : nc.state === 'overdue' ? `overdue since ${nc.due}` : `open${nc.due ? `, due ${nc.due}` : ''}`;
    items.push({
      section: 'nonconformities',
      blocks,
      subject: nc.id ?? '(no id)',
      path: nc.documentPath,
      message: `${nc.id ?? 'a finding'} (${nc.grade ?? 'no grade'}${nc.clause ? `, ${nc.clause}` : ''}): ${what}`,
    });
  }
  if (config.certification) {
    const since = addMonths(day, -config.certification.internalAuditMonths);
    for (const clause of cycle.clauses) {
      if (clause.current) continue;
      items.push({
        section: 'internal-audit',
        blocks: true,
        subject: clause.clause,
        message: `${catalog.label(clause.clause)}: not internally audited since ${since}${clause.lastAudited ? ` (last ${clause.lastAudited.date}, ${clause.lastAudited.documentId})` : ''}`,
      });
    }
    if (cycle.managementReviewDue !== undefined && cycle.managementReviewDue < day) {
      items.push({
        section: 'management-review',
        blocks: true,
        subject: cycle.managementReviews.at(-1)?.documentId ?? 'none',
        message: `a management review was due by ${cycle.managementReviewDue}`,
      });
    }
  }
  if (audit.kind === 'stage1') {
    items.push(...mandatoryDocuments(coverage, catalog));
    for (const other of input.otherCatalogs ?? []) items.push(...mandatoryDocuments(other.report, other.catalog, `${other.alias}:`));
  }
  const blockers = items.filter((item) => item.blocks).length;
  const last = cycle.managementReviews.at(-1);
  return {
    today,
    audit: { ...audit, daysLeft: daysBetween(today, day) },
    verdict: blockers === 0 ? 'ready' : 'blocked',
    blockers,
    items,
    lastManagementReview: last ? { documentId: last.documentId, date: last.date } : undefined,
    nonconformities: cycle.nonconformities,
  };
}

/** Stage 1 reviews the documented information the standard requires: each requirement present or missing. */
function mandatoryDocuments(coverage: CoverageReport, catalog: ClauseCatalog, prefix = ''): ReadinessItem[] {
  return coverage.clauses.flatMap((clause) => {
    if (clause.status === 'excluded') return [];
    const missing = new Set(clause.missingDocuments);
    return catalog.requiredDocuments(clause.clause).map((requirement) => ({
      section: 'mandatory-documents' as const,
      blocks: missing.has(requirement),
      subject: `${prefix}${clause.clause}`,
      message: `${prefix}${clause.clause} ${requirement.description}: ${missing.has(requirement) ? `missing (an approved ${requirement.types.join(' or ')})` : 'present'}`,
    }));
  });
}
