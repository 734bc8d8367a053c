import { defineRule } from '../rule.js';

export default defineRule({
  id: 'clause.unknown',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A claimed clause id is not in the catalog.',
  documentation: [
    'The clause is not in the catalog; the nearest valid ids of the same shape are suggested (`8.6.4` → `8.6.1, 8.6.2,',
    '8.6.3`). An id starting with a letter (`A.5.1`) is never offered a numbered clause, nor the other way round.',
  ].join('\n'),
  checkDocument({ document, catalog, report, suggestions: budget }) {
    for (const claim of document.clauses) {
      if (catalog.get(claim.clause)) continue;
      const suggestions = catalog.suggest(claim.clause, 3, budget);
      report(claim.range, `\`${claim.clause}\` is not a clause of ${catalog.title}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`, {
        data: { clause: claim.clause, suggestions },
      });
    }
  },
});
