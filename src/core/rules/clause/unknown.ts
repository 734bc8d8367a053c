import type { CatalogSet, ClauseReference } from '../../catalog/catalogSet.js';
import { resolveClaim } from '../../catalog/resolveClaim.js';
import type { SourceRange } from '../../text/sourceRange.js';
import { defineRule, type Report } from '../rule.js';

export default defineRule({
  id: 'clause.unknown',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A claimed clause id is not in the catalog.',
  documentation: [
    'The clause is not in the catalog; the nearest valid ids of the same shape are suggested (`8.6.4` → `8.6.1, 8.6.2,',
    '8.6.3`). An id starting with a letter (`A.5.1`) is never offered a numbered clause, nor the other way round. With',
    '[several catalogs](#several-catalogs), the suggestions come from the catalog the id belongs to, and an unknown',
    'alias is reported at the alias (also in `applicability` in clausemark.json). The `clause` of an evidence entry',
    'is checked the same way, at its value.',
  ].join('\n'),
  checkDocument({ document, catalogs, report, suggestions: budget }) {
    for (const claim of document.clauses) {
      const resolved = resolveClaim(catalogs, claim, budget);
      // An id listed under an alias key is reported at the key when the alias is unknown, and answered bare.
      reportUnknown(catalogs, resolved, { written: claim.clause, range: claim.range, aliasRange: claim.alias?.range }, report);
    }
    for (const link of document.evidence) {
      if (!link.clause) continue;
      reportUnknown(catalogs, catalogs.resolve(link.clause.value, undefined, budget), { written: link.clause.value, range: link.clause.range }, report);
    }
  },
  // An `exclusions` or `applicability` entry in clausemark.json.
  checkConfigProblem({ problem: { range, alias, clause }, catalogs, report }) {
    const catalog = catalogs.get(alias);
    if (clause === undefined || !catalog) {
      report(range, `\`${alias}\` is not a catalog alias of this project (${knownAliases(catalogs)}).`, {
        data: { suggestions: catalogs.suggestAlias(alias) },
      });
      return;
    }
    const suggestions = catalog.suggest(clause);
    report(range, notAClause(clause, catalog.title, suggestions), { data: { clause, suggestions } });
  },
});

interface WrittenId {
  /** The id as written (`27001:A.5.24`), or qualified by the alias key it is listed under. */
  readonly written: string;
  readonly range: SourceRange;
  /** The alias key an id is listed under (`clauses: { "27001": [...] }`), where an unknown alias is reported. */
  readonly aliasRange?: SourceRange | undefined;
}

function reportUnknown(catalogs: CatalogSet, resolved: ClauseReference, at: WrittenId, report: Report): void {
  if (resolved.kind === 'unknown-alias') {
    const offered = resolved.suggestions.length > 0 ? `; did you mean ${resolved.suggestions.join(', ')}?` : '.';
    report(at.aliasRange ?? at.range, `\`${resolved.alias}\` is not a catalog alias of this project (${knownAliases(catalogs)})${offered}`, {
      data: { clause: at.written, suggestions: resolved.suggestions.map((alias) => (at.aliasRange ? alias : `${alias}:${resolved.id}`)) },
    });
  } else if (resolved.kind === 'unknown-id') {
    report(at.range, notAClause(resolved.id, resolved.catalog.title, resolved.suggestions), {
      data: { clause: at.written, suggestions: resolved.suggestions },
    });
  }
}

function knownAliases(catalogs: CatalogSet): string {
  return catalogs
    .aliases()
    .map((alias) => `\`${alias}\``)
    .join(', ');
}

function notAClause(id: string, catalogTitle: string, suggestions: readonly string[]): string {
  return `\`${id}\` is not a clause of ${catalogTitle}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`;
}
