import { nonconformityState } from '../../model/nonconformity.js';
import { daysBetween } from '../../model/dates.js';
import { defineRule } from '../rule.js';
import { findingName } from './findingName.js';

export default defineRule({
  id: 'nc.overdue',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An open major or minor nonconformity is past its `due` date.',
  documentation: [
    'At `due`: an open major or minor nonconformity whose due date has passed. Close it (`status: closed`,',
    '`closed_on`), or agree a new date and record it.',
  ].join('\n'),
  checkDocument({ document, today, report }) {
    for (const finding of document.findings ?? []) {
      if (nonconformityState(finding, today) !== 'overdue' || !finding.due) continue;
      const { name, extras } = findingName(finding);
      report(finding.due.range, `${name} was due on ${finding.due.value} (${daysBetween(finding.due.value, today)} days ago) and is still open.`, extras);
    }
  },
});
