import type { ClauseClaim } from '../model/smsDocument.js';
import type { CatalogSet, ClauseReference } from './catalogSet.js';
import type { SuggestionBudget } from './suggestionBudget.js';

/**
 * A claim resolved against the project's catalogs. An id listed under an alias (`clauses: { "27001": [A.5.24] }`)
 * is stored as `27001:A.5.24`; its suggestions are given bare, as the id is written in the file.
 */
export function resolveClaim(catalogs: CatalogSet, claim: ClauseClaim, budget?: SuggestionBudget): ClauseReference {
  const resolved = catalogs.resolve(claim.clause, undefined, budget);
  if (!claim.alias || resolved.kind !== 'unknown-id') return resolved;
  return { ...resolved, suggestions: resolved.suggestions.map((suggestion) => catalogs.split(suggestion).id) };
}
