import { evidenceState } from '../repositoryView.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'evidence.undated',
  defaultSeverity: 'info',
  scope: 'repository',
  description: 'Evidence has no date, so its age cannot be judged.',
  documentation: ['Without a `date` (on the entry or on the record it points to), the age of evidence cannot be judged. It still counts.'].join('\n'),
  checkAcrossDocuments({ document, repository, report }) {
    for (const link of document.evidence) {
      if (evidenceState(document, link, repository) !== 'undated') continue;
      report(link.path?.range ?? link.url?.range ?? link.itemRange, 'This evidence has no `date:`, so its age cannot be judged.');
    }
  },
});
