import type { CatalogSet } from '../catalog/catalogSet.js';
import type { Finding } from '../model/finding.js';
import { createFinding } from '../rules/createFinding.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { Applicability } from './clausemarkConfig.js';

type Locate = (path: (string | number)[], part?: 'key' | 'value') => SourceRange | undefined;

/**
 * `applicability` checked against the catalogs: unknown aliases and ids (`clause.unknown`), a clause that is not a
 * control declared not applicable (`coverage.exclusion-not-allowed`), an empty justification
 * (`applicability.missing-justification`), each at its exact place in clausemark.json.
 */
export function applicabilityFindings(applicability: Applicability, catalogs: CatalogSet, file: string, locate: Locate): Finding[] {
  const findings: Finding[] = [];
  for (const [alias, entries] of Object.entries(applicability)) {
    const catalog = catalogs.get(alias);
    if (!catalog) {
      const suggestions = catalogs.suggestAlias(alias);
      findings.push(
        createFinding(
          'clause.unknown',
          file,
          locate(['applicability', alias], 'key'),
          `\`${alias}\` is not a catalog alias of this project (${catalogs
            .aliases()
            .map((known) => `\`${known}\``)
            .join(', ')}).`,
          { data: { suggestions } },
        ),
      );
      continue;
    }
    for (const [id, entry] of Object.entries(entries)) {
      const clause = catalog.get(id);
      if (!clause) {
        const suggestions = catalog.suggest(id);
        findings.push(
          createFinding(
            'clause.unknown',
            file,
            locate(['applicability', alias, id], 'key'),
            `\`${id}\` is not a clause of ${catalog.title}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
            { data: { clause: id, suggestions } },
          ),
        );
        continue;
      }
      if (entry.applicable) continue;
      if (clause.kind !== 'control') {
        findings.push(
          createFinding(
            'coverage.exclusion-not-allowed',
            file,
            locate(['applicability', alias, id, 'applicable']),
            `${catalog.label(id)} is a requirement of ${catalog.title}, not a control: it cannot be declared not applicable${catalog.exclusionsNote ? `. ${catalog.exclusionsNote}` : '.'}`,
            { data: { clause: id, catalog: alias } },
          ),
        );
      } else if ((entry.justification ?? '').trim() === '') {
        const range = entry.justification !== undefined ? locate(['applicability', alias, id, 'justification']) : locate(['applicability', alias, id], 'key');
        findings.push(
          createFinding(
            'applicability.missing-justification',
            file,
            range,
            `${catalog.label(id)} is declared not applicable without a justification; say why it does not apply (it goes in the Statement of Applicability).`,
            { data: { clause: id, catalog: alias } },
          ),
        );
      }
    }
  }
  return findings;
}
