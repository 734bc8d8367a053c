import type { ClauseCoverage, CoverageSummary } from '../coverage/coverageReport.js';
import { jsonAddressingDocument, jsonReasons, type JsonAddressingDocument, type JsonClauseCoverage } from './jsonReport.js';
import { inputForCatalog, type CoverageReportInput } from './reportInput.js';

/** The shape `clausemark coverage --format json` prints. */
export interface CoverageJson {
  readonly tool: { readonly name: 'clausemark'; readonly version: string };
  readonly root: string;
  readonly catalog: { readonly id: string; readonly title: string; readonly version?: string };
  readonly today: string;
  readonly summary: CoverageSummary;
  readonly clauses: readonly CoverageJsonClause[];
}

export interface CoverageJsonClause {
  readonly clause: string;
  readonly title: string;
  readonly status: ClauseCoverage['status'];
  readonly documents: readonly (JsonAddressingDocument & { readonly line: number })[];
  readonly evidence: readonly {
    readonly documentId: string;
    readonly documentPath: string;
    readonly path?: string;
    readonly url?: string;
    readonly date?: string;
    readonly state: string;
    readonly line: number;
  }[];
  readonly missingDocuments: readonly { readonly description: string; readonly types: readonly string[] }[];
  readonly recordsRequired: boolean;
  readonly recordsPresent: boolean;
  readonly evidenceCount: JsonClauseCoverage['evidenceCount'];
  readonly reasons: JsonClauseCoverage['reasons'];
  readonly gaps: readonly string[];
  readonly exclusion?: string;
}

/** With several catalogs: each catalog's part under its alias, the primary first. */
export interface SeveralCatalogsCoverageJson {
  readonly tool: CoverageJson['tool'];
  readonly root: string;
  readonly today: string;
  readonly catalogs: readonly (Omit<CoverageJson, 'tool' | 'root' | 'today'> & { readonly alias: string; readonly primary: boolean })[];
}

/** `clausemark coverage --format json`: one catalog's shape, or each catalog's part when the input shows several. */
export function coverageJsonOf(input: CoverageReportInput): CoverageJson | SeveralCatalogsCoverageJson {
  if (input.catalogs) {
    return {
      tool: { name: 'clausemark', version: input.toolVersion },
      root: input.root,
      today: input.today,
      catalogs: input.catalogs.map((coverage) => {
        const { tool: _tool, root: _root, today: _today, ...part } = buildCoverageJson(inputForCatalog(input, coverage));
        return { alias: coverage.alias, primary: coverage.primary, ...part };
      }),
    };
  }
  return buildCoverageJson(input);
}

/** One catalog's coverage JSON (the input's `coverage`). */
export function buildCoverageJson(input: CoverageReportInput): CoverageJson {
  const { coverage, catalog } = input;
  const s = coverage.summary;
  return {
    tool: { name: 'clausemark', version: input.toolVersion },
    root: input.root,
    catalog: { id: coverage.catalog.id, title: coverage.catalog.title, ...(catalog.version !== undefined ? { version: catalog.version } : {}) },
    today: input.today,
    summary: { leaves: s.leaves, covered: s.covered, atRisk: s.atRisk, partial: s.partial, uncovered: s.uncovered, excluded: s.excluded, percent: s.percent },
    clauses: coverage.clauses.map((clause) => ({
      clause: clause.clause,
      title: clause.title,
      status: clause.status,
      documents: clause.documents.map((document) => ({ ...jsonAddressingDocument(document), line: document.claimRange.start.line })),
      evidence: clause.evidence.map((evidence) => ({
        documentId: evidence.documentId,
        documentPath: evidence.documentPath,
        ...(evidence.path !== undefined ? { path: evidence.path } : {}),
        ...(evidence.url !== undefined ? { url: evidence.url } : {}),
        ...(evidence.date !== undefined ? { date: evidence.date } : {}),
        state: evidence.state,
        line: evidence.range.start.line,
      })),
      missingDocuments: clause.missingDocuments.map((requirement) => ({ description: requirement.description, types: [...requirement.types] })),
      recordsRequired: clause.recordsRequired,
      recordsPresent: clause.recordsPresent,
      ...jsonReasons(clause),
      ...(clause.exclusion !== undefined ? { exclusion: clause.exclusion } : {}),
    })),
  };
}

/** `clausemark coverage --format json`: 2-space indented, trailing newline. */
export function renderCoverageJson(input: CoverageReportInput): string {
  return `${JSON.stringify(coverageJsonOf(input), null, 2)}\n`;
}
