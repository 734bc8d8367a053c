import type { CatalogSet } from '../catalog/catalogSet.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { applicabilityExclusions } from '../config/applicability.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { assembleCoverage, type CoverageContribution } from './computeCoverage.js';
import type { Crosswalk } from '../crosswalk/crosswalk.js';
import type { AddressingDocument, ClauseEvidence, CoverageReport } from './coverageReport.js';
import type { Finding } from '../model/finding.js';

/** The coverage of one catalog of the project, under its alias. */
export interface CatalogCoverage {
  readonly alias: string;
  readonly primary: boolean;
  readonly catalog: ClauseCatalog;
  readonly report: CoverageReport;
}

/** A document's contribution seen from catalog `alias`: only its keys, as that catalog's own ids. */
export function contributionFor(catalogs: CatalogSet, alias: string, contribution: CoverageContribution): CoverageContribution {
  const project = <T>(entries: readonly (readonly [string, T])[]): [string, T][] =>
    entries.flatMap(([key, entry]) => {
      const id = catalogs.idOfKey(key, alias);
      return id === undefined ? [] : [[id, entry] as [string, T]];
    });
  return { addressing: project(contribution.addressing), evidence: project(contribution.evidence) };
}

/**
 * A contribution seen from catalog `alias`, plus what the crosswalk adds for it (see `crosswalkAdditions`).
 */
function withCrosswalk(catalogs: CatalogSet, alias: string, contribution: CoverageContribution, crosswalk: Crosswalk | undefined): CoverageContribution {
  const own = contributionFor(catalogs, alias, contribution);
  const added = crosswalkAdditions(catalogs, alias, contribution, own, crosswalk);
  return added ? { addressing: [...own.addressing, ...added.addressing], evidence: [...own.evidence, ...added.evidence] } : own;
}

/**
 * A part of the primary catalog's coverage model (keyed as CatalogSet.key gives: its own ids bare) with what the
 * crosswalk adds for the primary, when the primary is one of its targets and its `from` catalog another of the
 * project's (27001 first, 20000 after it); the part itself when nothing is added.
 */
export function primaryWithCrosswalk(catalogs: CatalogSet, contribution: CoverageContribution, crosswalk: Crosswalk | undefined): CoverageContribution {
  const primary = catalogs.primary.alias;
  const added = crosswalkAdditions(catalogs, primary, contribution, contributionFor(catalogs, primary, contribution), crosswalk);
  if (!added || (added.addressing.length === 0 && added.evidence.length === 0)) return contribution;
  return { addressing: [...contribution.addressing, ...added.addressing], evidence: [...contribution.evidence, ...added.evidence] };
}

/**
 * With a crosswalk, each claim of a clause of its `from` catalog under the clauses of catalog `alias` it calls
 * `equivalent` (by their ids there), marked `viaCrosswalk`, and the claim's evidence with it; never for a document
 * that claims the target itself (`own`: its direct claims), which keeps its direct claim only. Undefined when the
 * crosswalk does not reach `alias` (none, or `alias` is its `from` catalog, or the project lacks that catalog).
 */
function crosswalkAdditions(
  catalogs: CatalogSet,
  alias: string,
  contribution: CoverageContribution,
  own: CoverageContribution,
  crosswalk: Crosswalk | undefined,
): CoverageContribution | undefined {
  const target = catalogs.get(alias);
  const from = crosswalk ? catalogs.entries.find((entry) => entry.catalog.id === crosswalk.from && entry.alias !== alias) : undefined;
  if (!crosswalk || !target || !from || target.id === crosswalk.from) return undefined;
  const direct = new Set(own.addressing.map(([id, entry]) => `${id}\n${entry.id}`));
  const addressing: [string, AddressingDocument][] = [];
  const evidence: [string, ClauseEvidence][] = [];
  const fromClauses = contributionFor(catalogs, from.alias, contribution);
  for (const [id, entry] of fromClauses.addressing) {
    // A part already carrying the crosswalk's claims (the primary's) is not crosswalked twice.
    if (entry.viaCrosswalk !== undefined) continue;
    for (const counterpart of crosswalk.equivalents(id, target.id)) {
      if (!target.get(counterpart)?.isLeaf || direct.has(`${counterpart}\n${entry.id}`)) continue;
      addressing.push([counterpart, { ...entry, viaCrosswalk: `${from.alias}:${id}` }]);
      for (const [evidenceId, item] of fromClauses.evidence) if (evidenceId === id) evidence.push([counterpart, item]);
    }
  }
  return { addressing, evidence };
}

/**
 * Every catalog's coverage, the primary first. The primary's report is the one the caller already has (an index
 * keeps it between edits); the others are assembled from the same contributions. `exclusions` name clauses of
 * the primary catalog, so the others take their exclusions from `applicability` only. A crosswalk counts for every
 * catalog it reaches, whatever the order: for the primary, its parts carry it already (`primaryWithCrosswalk`).
 */
export function catalogCoverages(
  catalogs: CatalogSet,
  config: ClausemarkConfig,
  primary: CoverageReport,
  contributions: readonly CoverageContribution[],
  crosswalk?: Crosswalk,
): CatalogCoverage[] {
  const others = catalogs.entries.slice(1).map(({ alias, catalog }) => ({
    alias,
    primary: false,
    catalog,
    report: assembleCoverage(
      catalog,
      { ...config, exclusions: applicabilityExclusions(config.applicability, catalogs, alias) },
      contributions.map((contribution) => withCrosswalk(catalogs, alias, contribution, crosswalk)),
    ),
  }));
  return [{ alias: catalogs.primary.alias, primary: true, catalog: catalogs.primary.catalog, report: primary }, ...others];
}

/** The catalogs a report shows: the one `--catalog ALIAS` picks, else all; undefined for an alias there is not. */
export function pickCatalogs(coverages: readonly CatalogCoverage[], alias: string | undefined): readonly CatalogCoverage[] | undefined {
  if (alias === undefined) return coverages;
  const picked = coverages.filter((coverage) => coverage.alias === alias || coverage.catalog.id === alias);
  return picked.length > 0 ? picked.slice(0, 1) : undefined;
}

/**
 * Whether a finding belongs in the report of catalog `alias` alone (`--catalog`): every finding but those about
 * another catalog's coverage. Coverage findings name their catalog; those without one (and the change review's
 * lost-coverage findings, worked out on the primary catalog) are the primary's.
 */
export function shownForCatalog(finding: Finding, coverages: readonly CatalogCoverage[], alias: string): boolean {
  const aboutCoverage = finding.ruleId.startsWith('coverage.') || finding.ruleId === 'change.last-coverage-removed';
  return !aboutCoverage || (finding.data?.catalog ?? coverages[0]?.alias) === alias;
}
