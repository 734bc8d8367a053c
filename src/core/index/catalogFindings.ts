import type { CatalogCoverage } from '../coverage/catalogCoverage.js';
import type { Finding } from '../model/finding.js';
import { clauseCoverageFindings } from '../rules/repositoryChecks.js';
import type { SourceRange } from '../text/sourceRange.js';

/**
 * The coverage findings of a catalog other than the primary: the same rules, with the clause written qualified
 * (`27001:A.5.1 Policies for information security: …`) so no one mistakes it for a clause of the primary catalog.
 */
export function otherCatalogFindings(coverage: CatalogCoverage, file: string, range: SourceRange | undefined): Finding[] {
  return coverage.report.clauses.flatMap((clause) =>
    clauseCoverageFindings(clause, coverage.catalog, file, range).map((finding) => ({
      ...finding,
      message: `${coverage.alias}:${finding.message}`,
      data: { ...finding.data, clause: `${coverage.alias}:${clause.clause}`, catalog: coverage.alias },
    })),
  );
}
