import type { Applicability } from '../config/clausemarkConfig.js';
import type { CatalogCoverage } from './catalogCoverage.js';
import type { ClauseStatus } from './coverageReport.js';
import { documentLabels } from './coverageText.js';

/** One row of a Statement of Applicability. */
export interface SoaRow {
  readonly control: string;
  readonly title: string;
  readonly applicable: boolean;
  /** Why it does not apply, or what the config says of how it applies; empty when nothing is said. */
  readonly justification: string;
  /** The documents implementing it, as every view labels them (`POL-ACC (approved)`, `… via crosswalk from …`). */
  readonly documents: readonly string[];
  readonly status: ClauseStatus;
}

export interface StatementOfApplicability {
  readonly alias: string;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly rows: readonly SoaRow[];
}

/**
 * The Statement of Applicability of one catalog, from its coverage (so the status is the model's): every control
 * (entries of kind `control`, such as the 93 Annex A controls), or every leaf when the catalog marks none. An
 * excluded control is still a row: applicable no, with its justification.
 */
export function statementOfApplicability(coverage: CatalogCoverage, applicability: Applicability): StatementOfApplicability {
  const { catalog, report } = coverage;
  const declared = applicability[coverage.alias] ?? {};
  const hasControls = catalog.leaves().some((leaf) => leaf.kind === 'control');
  const rows = report.clauses
    .filter((clause) => !hasControls || catalog.get(clause.clause)?.kind === 'control')
    .map((clause) => ({
      control: clause.clause,
      title: clause.title,
      applicable: clause.status !== 'excluded',
      justification: (clause.exclusion ?? declared[clause.clause]?.justification ?? '').trim(),
      documents: documentLabels(clause),
      status: clause.status,
    }));
  return { alias: coverage.alias, catalog: report.catalog, rows };
}
