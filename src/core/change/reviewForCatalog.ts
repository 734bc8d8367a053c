import { pickCatalogs, shownForCatalog } from '../coverage/catalogCoverage.js';
import type { ChangeReview } from './reviewChange.js';

/**
 * The review as `--catalog ALIAS` shows it: that catalog's coverage delta in place of the primary's, no other
 * catalog's delta, and no finding about another catalog's coverage. Undefined for an alias the head has not.
 */
export function reviewForCatalog(review: ChangeReview, alias: string): ChangeReview | undefined {
  const coverages = review.head.result.catalogs;
  const [picked] = pickCatalogs(coverages, alias) ?? [];
  if (!picked) return undefined;
  const delta = picked.primary ? review.delta : review.catalogDeltas.find((other) => other.alias === picked.alias)?.delta;
  if (!delta) return undefined;
  const shown = (finding: Parameters<typeof shownForCatalog>[0]): boolean => shownForCatalog(finding, coverages, picked.alias);
  return {
    ...review,
    delta,
    catalogDeltas: [],
    catalog: { alias: picked.alias, title: picked.report.catalog.title },
    findings: review.findings.filter(shown),
    newFindings: review.newFindings.filter(shown),
    fixedFindings: review.fixedFindings.filter(shown),
  };
}
