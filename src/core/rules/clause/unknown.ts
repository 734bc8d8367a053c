import { resolveClaim } from '../../catalog/resolveClaim.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'clause.unknown',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A claimed clause id is not in the catalog.',
  documentation: [
    'The clause is not in the catalog; the nearest valid ids of the same shape are suggested (`8.6.4` → `8.6.1, 8.6.2,',
    '8.6.3`). An id starting with a letter (`A.5.1`) is never offered a numbered clause, nor the other way round. With',
    '[several catalogs](#several-catalogs), the suggestions come from the catalog the id belongs to, and an unknown',
    'alias is reported at the alias (also in `applicability` in clausemark.json).',
  ].join('\n'),
  checkDocument({ document, catalogs, report, suggestions: budget }) {
    for (const claim of document.clauses) {
      const resolved = resolveClaim(catalogs, claim, budget);
      if (resolved.kind === 'unknown-alias') {
        const known = catalogs
          .aliases()
          .map((alias) => `\`${alias}\``)
          .join(', ');
        const offered = resolved.suggestions.length > 0 ? `; did you mean ${resolved.suggestions.join(', ')}?` : '.';
        report(claim.alias?.range ?? claim.range, `\`${resolved.alias}\` is not a catalog alias of this project (${known})${offered}`, {
          data: { clause: claim.clause, suggestions: resolved.suggestions.map((alias) => (claim.alias ? alias : `${alias}:${resolved.id}`)) },
        });
      } else if (resolved.kind === 'unknown-id') {
        const offered = resolved.suggestions.length > 0 ? `; did you mean ${resolved.suggestions.join(', ')}?` : '.';
        report(claim.range, `\`${resolved.id}\` is not a clause of ${resolved.catalog.title}${offered}`, {
          data: { clause: claim.clause, suggestions: resolved.suggestions },
        });
      }
    }
  },
});
