import { builtinCatalog } from '../catalog/loadCatalog.js';
import type { CatalogSet } from '../catalog/catalogSet.js';
import type { CatalogCoverage } from '../coverage/catalogCoverage.js';
import { clauseHover } from './hover.js';
import { escapeMarkdown } from '../reports/markdownEscape.js';
import { builtinCrosswalkOf, type Crosswalk, type CrosswalkMapping } from '../crosswalk/crosswalk.js';

/** A clause's counterparts in other catalogs, by the crosswalk: each with its relation and whether it counts. */
export interface Counterpart {
  readonly catalog: string;
  readonly clause: string;
  readonly title: string;
  readonly relation: CrosswalkMapping['relation'];
  /** `to`: the claim of this clause counts for the counterpart; `from`: a claim of the counterpart counts for this one. */
  readonly direction: 'to' | 'from';
}

/** The counterparts of clause `clauseId` of catalog `catalogId`, in both directions. */
export function counterparts(crosswalk: Crosswalk, catalogId: string, clauseId: string): Counterpart[] {
  const titleOf = (catalog: string, clause: string): string => builtinCatalog(catalog)?.get(clause)?.title ?? '';
  if (catalogId === crosswalk.from) {
    return crosswalk.counterparts(clauseId).map((mapping) => ({
      catalog: mapping.catalog,
      clause: mapping.target,
      title: titleOf(mapping.catalog, mapping.target),
      relation: mapping.relation,
      direction: 'to',
    }));
  }
  return crosswalk.sourcesOf(clauseId, catalogId).map((mapping) => ({
    catalog: crosswalk.from,
    clause: mapping.clause,
    title: titleOf(crosswalk.from, mapping.clause),
    relation: mapping.relation,
    direction: 'from',
  }));
}

/**
 * Hover for a clause id as written (`8.6.1`, `27001:A.5.24`): the clause in its own catalog with that catalog's
 * coverage, then its counterparts by the crosswalk in force (the built-in one when the project has none, for
 * information: then nothing counts through it).
 */
export function clauseHoverWithCounterparts(
  catalogs: CatalogSet,
  coverages: readonly CatalogCoverage[],
  crosswalk: Crosswalk | undefined,
  written: string,
): string {
  const resolved = catalogs.resolve(written);
  if (resolved.kind === 'unknown-alias') return `**${escapeMarkdown(resolved.alias)}** is not a catalog alias of this project.`;
  const coverage = coverages
    .find((entry) => entry.alias === resolved.alias)
    ?.report.clauses.find((clause) => clause.clause === (resolved.kind === 'known' ? resolved.clause.id : resolved.id));
  const hover = clauseHover(resolved.catalog, resolved.kind === 'known' ? resolved.clause.id : resolved.id, coverage);
  if (resolved.kind !== 'known') return hover;
  const list = counterparts(crosswalk ?? builtinCrosswalkOf(), resolved.catalog.id, resolved.clause.id);
  if (list.length === 0) return hover;
  const counts = crosswalk !== undefined;
  const lines = list.map((entry) => {
    const effect =
      entry.relation === 'equivalent' && counts ? (entry.direction === 'to' ? ' — a claim of this clause counts for it' : ' — its claims count here') : '';
    return `- ${escapeMarkdown(entry.catalog)} ${escapeMarkdown(entry.clause)}${entry.title ? ` ${escapeMarkdown(entry.title)}` : ''}: ${entry.relation}${effect}`;
  });
  return `${hover}\n\n**Counterparts (crosswalk${counts ? '' : ', not in force'})**\n\n${lines.join('\n')}`;
}
