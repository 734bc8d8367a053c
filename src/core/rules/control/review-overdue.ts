import { daysBetween } from '../../model/dates.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'control.review-overdue',
  defaultSeverity: 'error',
  scope: 'document',
  description: "The document's `next_review` date has passed.",
  documentation: ['The `next_review` date has passed. Review the document, then set the new date (the editor offers a quick fix).'].join('\n'),
  checkDocument({ document, today, report }) {
    if (!document.nextReview || document.status?.value === 'retired') return;
    const daysLeft = daysBetween(today, document.nextReview.value);
    if (daysLeft < 0) {
      report(document.nextReview.range, `The review was due on ${document.nextReview.value} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago).`, {
        data: { field: 'next_review' },
      });
    }
  },
});
