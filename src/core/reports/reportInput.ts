import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { CatalogCoverage } from '../coverage/catalogCoverage.js';
import type { CoverageReport } from '../coverage/coverageReport.js';
import type { BaselineState } from '../change/findingBaseline.js';
import type { CycleState } from '../cycle/cycleState.js';
import type { Finding } from '../model/finding.js';

/** Everything a report renderer needs; built by the CLI from a `CheckResult`. Renderers never do I/O. */
export interface ReportInput {
  readonly findings: readonly Finding[];
  /** The coverage shown, of `catalog`: the primary's, or the one `--catalog` picked. */
  readonly coverage: CoverageReport;
  readonly catalog: ClauseCatalog;
  /**
   * Every catalog's coverage, `coverage` first, when a report shows several (a project with several catalogs and
   * no `--catalog`); absent otherwise, so single-catalog reports keep their shape.
   */
  readonly catalogs?: readonly CatalogCoverage[];
  /** Absolute path of the repository root. */
  readonly root: string;
  /** The config file, relative to the root, when the repository has one. */
  readonly configFile?: string;
  /** How many Markdown files were read and how many of them are SMS documents. */
  readonly stats: { readonly files: number; readonly documents: number };
  /** The day dates were judged against (`YYYY-MM-DD`). */
  readonly today: string;
  readonly toolVersion: string;
  /**
   * An existing repository-relative file to pin repository-level findings (`file` is `.`) on, where a format
   * needs a real file (SARIF for GitHub code scanning). The CLI passes the config file or README.
   */
  readonly repositoryAnchorFile?: string;
  /** With `check --base`: whether each finding came with the change (`new`) or was already there (`unchanged`). */
  readonly baseline?: ReadonlyMap<Finding, BaselineState>;
  /**
   * The root-relative paths the findings were limited to (`check sms/processes`); absent when they are the whole
   * repository's. Coverage is always the whole repository's, and the text report says so when paths were given.
   */
  readonly paths?: readonly string[];
  /** The certification cycle as of `today` (the index's one cycle state); the JSON report renders it. */
  readonly cycle?: CycleState;
}

/** What the coverage-matrix renderers (`clausemark coverage`) need; a `ReportInput` is one. */
export type CoverageReportInput = Pick<ReportInput, 'coverage' | 'catalog' | 'catalogs' | 'root' | 'today' | 'toolVersion'>;

/** The input as seen for one catalog: its coverage alone (how a several-catalog report renders each part). */
export function inputForCatalog<T extends CoverageReportInput>(input: T, coverage: CatalogCoverage): T {
  const { catalogs: _all, ...rest } = input;
  return { ...rest, coverage: coverage.report, catalog: coverage.catalog } as T;
}
