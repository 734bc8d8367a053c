import { evidenceState, recordDate } from '../repositoryView.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'evidence.stale',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'Evidence is older than the configured maximum age.',
  documentation: ['The evidence is older than `evidenceMaxAgeDays` and no longer counts towards coverage. Link a current record.'].join('\n'),
  checkAcrossDocuments({ document, repository, config, report }) {
    for (const link of document.evidence) {
      if (evidenceState(document, link, repository) !== 'stale') continue;
      const date = link.date?.value ?? recordDate(document, link, repository);
      report(
        link.date?.range ?? link.path?.range ?? link.url?.range ?? link.itemRange,
        `This evidence is from ${date ?? 'an unknown date'}, older than the ${config.evidenceMaxAgeDays}-day maximum (\`evidenceMaxAgeDays\`); link a current record.`,
        {
          ...(link.clause ? { data: { clause: link.clause.value } } : {}),
        },
      );
    }
  },
});
