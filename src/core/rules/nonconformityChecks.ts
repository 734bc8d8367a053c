import { nextPlannedAudit } from '../config/certification.js';
import { isNonconformity, nonconformityState, validDate } from '../cycle/nonconformity.js';
import { daysBetween } from '../document/dates.js';
import { FINDING_GRADES, FINDING_STATUSES, type AuditFinding, type Located } from '../model/smsDocument.js';
import type { DocumentCheck, DocumentCheckContext } from './documentCheck.js';

const DATE_FIELDS = [['raised_on', 'raisedOn'], ['due', 'due'], ['closed_on', 'closedOn'], ['verified_on', 'verifiedOn']] as const;

/** The findings of an audit report (ISO/IEC 20000-1 10.1): well formed, corrected in time, and verified. */
export const nonconformityChecks: DocumentCheck = {
  rules: ['nc.invalid', 'nc.overdue', 'nc.closed-without-verification', 'nc.open-before-audit'],
  run(context) {
    const { document, today, config, report } = context;
    // The next external audit: an open major nonconformity must not still be open when it comes.
    const nextAudit = nextPlannedAudit(config.certification, today);
    for (const finding of document.findings ?? []) {
      invalidFindingParts(finding, context);
      const state = nonconformityState(finding, today);
      const name = finding.id ? `\`${finding.id.value}\`` : 'This nonconformity';
      const data = finding.id ? { documentId: finding.id.value } : undefined;
      if (state === 'overdue' && finding.due) {
        report('nc.overdue', finding.due.range, `${name} was due on ${finding.due.value} (${daysBetween(finding.due.value, today)} days ago) and is still open.`, data ? { data } : {});
      }
      if (state === 'unverified' && finding.status) {
        report('nc.closed-without-verification', finding.status.range, `${name} is closed${finding.closedOn ? ` (${finding.closedOn.value})` : ''} but has no \`verified_on\`: record when the action was checked to be effective.`, data ? { data } : {});
      }
      if (nextAudit && finding.grade?.value.toLowerCase() === 'major' && state !== 'closed' && state !== 'unverified' && finding.status) {
        const days = daysBetween(today, nextAudit.date);
        if (days <= config.reviewWarningDays) {
          report('nc.open-before-audit', finding.status.range, `${name} is a major nonconformity still open, and the ${nextAudit.kind} audit is on ${nextAudit.date} (in ${days} day${days === 1 ? '' : 's'}).`, data ? { data } : {});
        }
      }
    }
  },
};

function invalidFindingParts(finding: AuditFinding, { catalog, report }: DocumentCheckContext): void {
  const grade = finding.grade?.value.toLowerCase();
  const status = finding.status?.value.toLowerCase();
  if (!finding.id) report('nc.invalid', finding.itemRange, 'This finding has no `id`; give it one that is unique across the SMS, such as NC-2026-07.');
  oneOf(finding.grade, FINDING_GRADES, 'grade', report);
  oneOf(finding.status, FINDING_STATUSES, 'status', report);
  if (!finding.grade) report('nc.invalid', finding.id?.range ?? finding.itemRange, 'This finding has no `grade`; use one of major, minor, observation, opportunity.');
  for (const [key, property] of DATE_FIELDS) {
    const value = finding[property];
    if (value && validDate(value.value) === undefined) report('nc.invalid', value.range, `\`${value.value}\` is not a date; write \`${key}\` as YYYY-MM-DD.`, { data: { field: key } });
  }
  if (isNonconformity(grade) && !finding.due && finding.grade) report('nc.invalid', finding.grade.range, `A ${grade} nonconformity needs a \`due\` date for its correction.`, { data: { field: 'due' } });
  if (status === 'closed' && !finding.closedOn && finding.status) report('nc.invalid', finding.status.range, 'A closed finding needs `closed_on`: the day it was closed.', { data: { field: 'closed_on' } });
  if (finding.clause && !catalog.has(finding.clause.value)) {
    const suggestions = catalog.suggest(finding.clause.value);
    report('nc.invalid', finding.clause.range, `\`${finding.clause.value}\` is not a clause of ${catalog.title}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`, { data: { clause: finding.clause.value, suggestions } });
  }
}

function oneOf(value: Located<string> | undefined, allowed: readonly string[], field: string, report: DocumentCheckContext['report']): void {
  if (value && !allowed.includes(value.value.toLowerCase())) report('nc.invalid', value.range, `\`${value.value}\` is not a known ${field}; use one of ${allowed.join(', ')}.`, { data: { field } });
}
