import type { CatalogSet } from '../catalog/catalogSet.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { Applicability, ClausemarkConfig } from './clausemarkConfig.js';
import type { ConfigProblem } from './configProblem.js';

type Locate = (path: (string | number)[], part?: 'key' | 'value') => SourceRange | undefined;

/** `exclusions` checked against the primary catalog (`alias`): refused when it allows none, else an unknown clause. */
export function exclusionProblems(config: ClausemarkConfig, catalog: ClauseCatalog, alias: string, locate: Locate): ConfigProblem[] {
  return config.exclusions.flatMap(({ clause }, index): ConfigProblem[] => {
    const range = locate(['exclusions', index, 'clause']);
    if (!catalog.exclusionsAllowed) return [{ rule: 'coverage.exclusion-not-allowed', range, alias, clause, setting: 'exclusions' }];
    if (!catalog.has(clause)) return [{ rule: 'clause.unknown', range, alias, clause }];
    return [];
  });
}

/**
 * `applicability` checked against the catalogs: unknown aliases and ids (`clause.unknown`), a clause that is not a
 * control declared not applicable (`coverage.exclusion-not-allowed`), an empty justification
 * (`applicability.missing-justification`), each at its exact place in clausemark.json.
 */
export function applicabilityProblems(applicability: Applicability, catalogs: CatalogSet, locate: Locate): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [alias, entries] of Object.entries(applicability)) {
    const catalog = catalogs.get(alias);
    if (!catalog) {
      problems.push({ rule: 'clause.unknown', range: locate(['applicability', alias], 'key'), alias });
      continue;
    }
    for (const [clause, entry] of Object.entries(entries)) {
      const known = catalog.get(clause);
      if (!known) {
        problems.push({ rule: 'clause.unknown', range: locate(['applicability', alias, clause], 'key'), alias, clause });
        continue;
      }
      if (entry.applicable) continue;
      if (known.kind !== 'control') {
        problems.push({
          rule: 'coverage.exclusion-not-allowed',
          range: locate(['applicability', alias, clause, 'applicable']),
          alias,
          clause,
          setting: 'applicability',
        });
      } else if ((entry.justification ?? '').trim() === '') {
        const range =
          entry.justification !== undefined ? locate(['applicability', alias, clause, 'justification']) : locate(['applicability', alias, clause], 'key');
        problems.push({ rule: 'applicability.missing-justification', range, alias, clause });
      }
    }
  }
  return problems;
}
