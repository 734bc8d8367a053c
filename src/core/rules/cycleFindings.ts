import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { CycleState } from '../cycle/cycleState.js';
import { addMonths } from '../document/dates.js';
import type { Finding } from '../model/finding.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';
import { createFinding } from './createFinding.js';

type Locate = (path: (string | number)[], part?: 'key' | 'value') => SourceRange | undefined;

/** The cycle's findings about the repository: clauses not audited, the management review, planned audits missed. */
export function cycleRepositoryFindings(cycle: CycleState, catalog: ClauseCatalog, file: string, anchor: SourceRange | undefined, locate: Locate): Finding[] {
  const certification = cycle.certification;
  if (!certification) return [];
  const at = locate(['certification'], 'key') ?? anchor;
  const findings: Finding[] = [];
  const since = addMonths(cycle.day, -certification.internalAuditMonths);
  for (const clause of cycle.clauses) {
    if (clause.current) continue;
    const last = clause.lastAudited ? `last audited on ${clause.lastAudited.date} (${clause.lastAudited.documentId})` : 'never audited internally';
    findings.push(createFinding('audit.clause-not-audited', file, at, `${catalog.label(clause.clause)}: in no internal audit's scope since ${since}; ${last}.`, {
      data: { clause: clause.clause },
    }));
  }
  if (cycle.managementReviewDue !== undefined && cycle.managementReviewDue < cycle.day) {
    const last = cycle.managementReviews.at(-1);
    findings.push(createFinding('review.management-review-overdue', file, locate(['certification', 'managementReviewMonths'], 'key') ?? at,
      `A management review was due by ${cycle.managementReviewDue}: ${last ? `the last one was ${last.documentId} on ${last.date}` : `none is recorded since the certificate (${certification.certifiedOn})`}, and \`managementReviewMonths\` is ${certification.managementReviewMonths}.`,
      last ? { related: [{ file: last.path, message: `last management review, ${last.date}` }] } : {}));
  }
  for (const audit of cycle.planned) {
    if (audit.state !== 'overdue') continue;
    const range = audit.index !== undefined ? locate(['certification', 'audits', audit.index]) : locate(['certification', 'certifiedOn']);
    findings.push(createFinding('cycle.audit-overdue', file, range ?? at, `The ${audit.kind} audit planned for ${audit.date} has passed, and no audit report of kind \`${audit.kind}\` is dated on or after it.`));
  }
  return findings;
}

/** The cycle's findings about one document: nonconformity ids used twice, an auditor auditing their own work. */
export function cycleDocumentFindings(document: SmsDocument, cycle: CycleState, report: (finding: Finding) => void): void {
  for (const finding of document.findings ?? []) {
    if (!finding.id) continue;
    const others = (cycle.nonconformitiesById.get(finding.id.value) ?? []).filter((other) => other.documentPath !== document.path || other.range !== finding.id!.range);
    if (others.length === 0) continue;
    report(createFinding('nc.invalid', document.path, finding.id.range, `The nonconformity id \`${finding.id.value}\` is also used in ${others.map((other) => `${other.documentPath}:${other.range.start.line}`).join(', ')}; ids must be unique across the SMS.`, {
      related: others.map((other) => ({ file: other.documentPath, range: other.range, message: `also \`${finding.id!.value}\`` })),
      data: { documentId: finding.id.value },
    }));
  }
  const audit = cycle.audits.find((held) => held.path === document.path);
  if (audit && audit.ownWork.length > 0 && audit.auditorRange) {
    const work = audit.ownWork.map((owned) => `${owned.documentId} (${owned.clauses.join(', ')})`).join(', ');
    report(createFinding('audit.auditor-not-independent', document.path, audit.auditorRange, `${audit.auditor} audits their own work: they own ${work}, in this audit's scope; an internal auditor must be independent of what they audit.`, {
      related: audit.ownWork.map((owned) => ({ file: owned.path, message: `owned by ${audit.auditor}` })),
    }));
  }
}
