import { defineRule } from '../rule.js';

export default defineRule({
  id: 'review.management-review-overdue',
  defaultSeverity: 'error',
  scope: 'repository',
  description: 'No management review within `managementReviewMonths` (with a `certification` block).',
  documentation: [
    'On `clausemark.json`: the last management review (`type: management-review`, by its `date`), or the',
    "certificate's `certifiedOn` when there is none, is more than `managementReviewMonths` ago.",
  ].join('\n'),
  checkRepository({ cycle: cycleOf, anchor, locateSetting, report }) {
    const cycle = cycleOf();
    const certification = cycle.certification;
    if (!certification || cycle.managementReviewDue === undefined || cycle.managementReviewDue >= cycle.day) return;
    const at = locateSetting(['certification', 'managementReviewMonths'], 'key') ?? locateSetting(['certification'], 'key') ?? anchor;
    const last = cycle.managementReviews.at(-1);
    report(
      at,
      `A management review was due by ${cycle.managementReviewDue}: ${last ? `the last one was ${last.documentId} on ${last.date}` : `none is recorded since the certificate (${certification.certifiedOn})`}, and \`managementReviewMonths\` is ${certification.managementReviewMonths}.`,
      last ? { related: [{ file: last.path, message: `last management review, ${last.date}` }] } : {},
    );
  },
});
