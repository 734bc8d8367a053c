import type { CatalogCoverage } from '../coverage/catalogCoverage.js';
import { coverageDelta, type CoverageDelta } from './coverageDelta.js';
import type { DocumentChange } from './documentChanges.js';

/** The coverage delta of one catalog other than the primary, under its alias. */
export interface CatalogDelta {
  readonly alias: string;
  readonly title: string;
  readonly delta: CoverageDelta;
}

/**
 * The delta of every catalog the head has besides the primary (whose delta is the review's own), compared with
 * the base's catalog of the same alias; a catalog the base did not have starts from an empty coverage.
 */
export function otherCatalogDeltas(base: readonly CatalogCoverage[], head: readonly CatalogCoverage[], changes: readonly DocumentChange[]): CatalogDelta[] {
  return head.slice(1).map((after) => {
    const before = base.find((coverage) => coverage.alias === after.alias)?.report;
    const empty = {
      ...after.report,
      clauses: [],
      summary: { ...after.report.summary, covered: 0, atRisk: 0, partial: 0, uncovered: after.report.summary.leaves, excluded: 0, percent: 0 },
    };
    return { alias: after.alias, title: after.report.catalog.title, delta: coverageDelta(before ?? empty, after.report, changes) };
  });
}
