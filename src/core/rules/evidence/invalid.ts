import { defineRule } from '../rule.js';

export default defineRule({
  id: 'evidence.invalid',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An evidence entry has neither `path` nor `url`, or both.',
  documentation: ['Each evidence entry names one thing: a `path` or a `url`.'].join('\n'),
  checkDocument({ document, report }) {
    for (const link of document.evidence) {
      if (!link.path && !link.url) {
        report(link.itemRange, 'This evidence entry needs a `path:` (a file in the repository) or a `url:`.');
      } else if (link.path && link.url) {
        report(link.itemRange, 'This evidence entry has both `path:` and `url:`; split it into two entries.');
      }
    }
  },
});
