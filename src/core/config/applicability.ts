import type { CatalogSet } from '../catalog/catalogSet.js';
import type { Applicability } from './clausemarkConfig.js';

/** The controls declared not applicable, as exclusions of catalog `alias` (only those that may be excluded). */
export function applicabilityExclusions(applicability: Applicability, catalogs: CatalogSet, alias: string): { clause: string; justification: string }[] {
  const catalog = catalogs.get(alias);
  return Object.entries(applicability[alias] ?? {}).flatMap(([clause, entry]) =>
    catalog?.get(clause)?.kind === 'control' && !entry.applicable && (entry.justification ?? '').trim() !== ''
      ? [{ clause, justification: (entry.justification ?? '').trim() }]
      : [],
  );
}
