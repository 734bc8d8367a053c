import { isNonconformity, validDate } from '../../model/nonconformity.js';
import { FINDING_GRADES, FINDING_STATUSES, type AuditFinding, type Located } from '../../model/smsDocument.js';
import { defineRule, type DocumentContext, type Report } from '../rule.js';

const DATE_FIELDS = [
  ['raised_on', 'raisedOn'],
  ['due', 'due'],
  ['closed_on', 'closedOn'],
  ['verified_on', 'verifiedOn'],
] as const;

export default defineRule({
  id: 'nc.invalid',
  defaultSeverity: 'error',
  scope: 'document',
  description:
    'An audit finding has no id, an id used twice, an unknown `grade`, `status` or clause, a malformed date, no `due` on a major or minor one, or no `closed_on` once closed.',
  documentation: [
    'At the value at fault in a `findings` entry: no `id` (at the entry); an `id` also used by another finding (at',
    'each copy); a `grade` other than major, minor, observation or opportunity; a `status` other than open or closed;',
    'no `grade`; a date that is not YYYY-MM-DD; a major or minor finding without `due` (at `grade`); a closed one',
    'without `closed_on` (at `status`); a `clause` the catalog does not have.',
  ].join('\n'),
  checkDocument(context) {
    for (const finding of context.document.findings ?? []) invalidFindingParts(finding, context);
  },
  // An id is unique across the SMS: only the whole repository shows a repeat.
  checkAcrossDocuments({ document, report, cycle }) {
    if (!document.findings) return;
    const nonconformitiesById = cycle().nonconformitiesById;
    for (const finding of document.findings) {
      if (!finding.id) continue;
      const id = finding.id;
      const others = (nonconformitiesById.get(id.value) ?? []).filter((other) => other.documentPath !== document.path || other.range !== id.range);
      if (others.length === 0) continue;
      report(
        id.range,
        `The nonconformity id \`${id.value}\` is also used in ${others.map((other) => `${other.documentPath}:${other.range.start.line}`).join(', ')}; ids must be unique across the SMS.`,
        {
          related: others.map((other) => ({ file: other.documentPath, range: other.range, message: `also \`${id.value}\`` })),
          data: { documentId: id.value },
        },
      );
    }
  },
});

function invalidFindingParts(finding: AuditFinding, { catalog, report }: DocumentContext): void {
  const grade = finding.grade?.value.toLowerCase();
  const status = finding.status?.value.toLowerCase();
  if (!finding.id) report(finding.itemRange, 'This finding has no `id`; give it one that is unique across the SMS, such as NC-2026-07.');
  oneOf(finding.grade, FINDING_GRADES, 'grade', report);
  oneOf(finding.status, FINDING_STATUSES, 'status', report);
  if (!finding.grade) report(finding.id?.range ?? finding.itemRange, 'This finding has no `grade`; use one of major, minor, observation, opportunity.');
  for (const [key, property] of DATE_FIELDS) {
    const value = finding[property];
    if (value && validDate(value.value) === undefined)
      report(value.range, `\`${value.value}\` is not a date; write \`${key}\` as YYYY-MM-DD.`, { data: { field: key } });
  }
  if (isNonconformity(grade) && !finding.due && finding.grade)
    report(finding.grade.range, `A ${grade} nonconformity needs a \`due\` date for its correction.`, { data: { field: 'due' } });
  if (status === 'closed' && !finding.closedOn && finding.status)
    report(finding.status.range, 'A closed finding needs `closed_on`: the day it was closed.', { data: { field: 'closed_on' } });
  if (finding.clause && !catalog.has(finding.clause.value)) {
    const suggestions = catalog.suggest(finding.clause.value);
    report(
      finding.clause.range,
      `\`${finding.clause.value}\` is not a clause of ${catalog.title}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
      { data: { clause: finding.clause.value, suggestions } },
    );
  }
}

function oneOf(value: Located<string> | undefined, allowed: readonly string[], field: string, report: Report): void {
  if (value && !allowed.includes(value.value.toLowerCase()))
    report(value.range, `\`${value.value}\` is not a known ${field}; use one of ${allowed.join(', ')}.`, { data: { field } });
}
