import { nonconformityState } from '../../model/nonconformity.js';
import { defineRule } from '../rule.js';
import { findingName } from './findingName.js';

export default defineRule({
  id: 'nc.closed-without-verification',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A closed major or minor nonconformity has no `verified_on`: nobody checked that its action worked.',
  documentation: [
    'At `status`: a major or minor nonconformity is closed, but no `verified_on` says when its corrective action was',
    'checked to be effective.',
  ].join('\n'),
  checkDocument({ document, today, report }) {
    for (const finding of document.findings ?? []) {
      if (nonconformityState(finding, today) !== 'unverified' || !finding.status) continue;
      const { name, extras } = findingName(finding);
      report(
        finding.status.range,
        `${name} is closed${finding.closedOn ? ` (${finding.closedOn.value})` : ''} but has no \`verified_on\`: record when the action was checked to be effective.`,
        extras,
      );
    }
  },
});
