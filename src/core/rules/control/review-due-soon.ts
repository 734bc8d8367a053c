import { daysBetween } from '../../model/dates.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'control.review-due-soon',
  defaultSeverity: 'warning',
  scope: 'document',
  description: "The document's `next_review` date falls within the warning window.",
  documentation: ['The review falls within `reviewWarningDays`.'].join('\n'),
  checkDocument({ document, config, today, report }) {
    if (!document.nextReview || document.status?.value === 'retired') return;
    const daysLeft = daysBetween(today, document.nextReview.value);
    if (daysLeft >= 0 && daysLeft <= config.reviewWarningDays) {
      report(document.nextReview.range, `The review is due on ${document.nextReview.value} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'}).`, {
        data: { field: 'next_review' },
      });
    }
  },
});
