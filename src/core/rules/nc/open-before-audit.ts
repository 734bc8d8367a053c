import { nonconformityState } from '../../model/nonconformity.js';
import { daysBetween } from '../../model/dates.js';
import { defineRule } from '../rule.js';
import { findingName } from './findingName.js';

export default defineRule({
  id: 'nc.open-before-audit',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An open major nonconformity, with an external audit due within `reviewWarningDays`.',
  documentation: [
    'At `status`: a major nonconformity is still open and the next planned external audit (`certification.audits`,',
    'or the derived ones) is within `reviewWarningDays`. An open major nonconformity usually blocks certification.',
  ].join('\n'),
  checkDocument({ document, today, config, nextExternalAudit: nextAudit, report }) {
    if (!document.findings) return;
    // An open major nonconformity must not still be open when the next external audit comes.
    if (!nextAudit) return;
    const days = daysBetween(today, nextAudit.date);
    if (days > config.reviewWarningDays) return;
    for (const finding of document.findings) {
      const state = nonconformityState(finding, today);
      if (finding.grade?.value.toLowerCase() !== 'major' || state === 'closed' || state === 'unverified' || !finding.status) continue;
      const { name, extras } = findingName(finding);
      report(
        finding.status.range,
        `${name} is a major nonconformity still open, and the ${nextAudit.kind} audit is on ${nextAudit.date} (in ${days} day${days === 1 ? '' : 's'}).`,
        extras,
      );
    }
  },
});
