import type { ClauseCoverage, ClauseReason, CoverageSummary, EvidenceCount } from '../coverage/coverageReport.js';
import type { ApprovalState, ReviewState } from '../coverage/documentControl.js';
import type { Finding, FindingData } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import { ruleDocsUrl } from '../rules/ruleDefinitions.js';
import { jsonCycle, type JsonCycle } from './jsonCycle.js';
import { jsonRange, type JsonRange } from './jsonRange.js';
import type { ReportInput } from './reportInput.js';
import { countFindings, sortedFindings } from './shared.js';

// Kept here too for readers that import them from the report.
export { jsonRange, type JsonRange } from './jsonRange.js';

export interface JsonFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range?: JsonRange;
  readonly related?: readonly { readonly file: string; readonly range?: JsonRange; readonly message: string }[];
  readonly data?: FindingData;
  readonly docsUrl: string;
  /** With `check --base`: `new` when the change introduced the finding, else `unchanged`. */
  readonly baselineState?: 'new' | 'unchanged';
}

export interface JsonClauseCoverage {
  readonly clause: string;
  readonly title: string;
  /** `covered`, `at-risk`, `partial`, `uncovered` or `excluded`. */
  readonly status: ClauseCoverage['status'];
  readonly documents: readonly JsonAddressingDocument[];
  readonly evidence: readonly { readonly documentId: string; readonly path?: string; readonly url?: string; readonly date?: string; readonly state: string }[];
  readonly evidenceCount: EvidenceCount;
  /** Why the clause has its status; empty when covered. */
  readonly reasons: readonly { readonly kind: ClauseReason['kind']; readonly text: string }[];
  /** The reasons of kind `gap` (kept for readers of earlier versions). */
  readonly gaps: readonly string[];
  readonly exclusion?: string;
}

/** A document claiming a clause: its frontmatter status and its control state (approved only when in force). */
export interface JsonAddressingDocument {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly type: string | null;
  readonly status: string | null;
  readonly control: { readonly approval: ApprovalState; readonly review: ReviewState; readonly label: string; readonly defects: readonly string[] };
  /** The clause the document claims when it counts for this one only through the crosswalk (`20000:10.1`). */
  readonly viaCrosswalk?: string;
}

/** The shape `clausemark check --format json` prints. */
export interface JsonReport {
  readonly tool: { readonly name: 'clausemark'; readonly version: string };
  readonly root: string;
  readonly configFile?: string;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly today: string;
  readonly summary: {
    readonly files: number;
    readonly documents: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly coverage: CoverageSummary;
  };
  readonly coverage: readonly JsonClauseCoverage[];
  /** With several catalogs: each one's summary and clauses under its alias, the primary (the fields above) first. */
  readonly catalogs?: readonly JsonCatalogCoverage[];
  readonly findings: readonly JsonFinding[];
  /** The certification cycle today, where the repository has one (see `jsonCycle`). */
  readonly cycle?: JsonCycle;
}

export interface JsonCatalogCoverage {
  readonly alias: string;
  readonly primary: boolean;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly summary: CoverageSummary;
  readonly coverage: readonly JsonClauseCoverage[];
}

export function jsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    ...(finding.range ? { range: jsonRange(finding.range) } : {}),
    ...(finding.related && finding.related.length > 0
      ? {
          related: finding.related.map((related) => ({
            file: related.file,
            ...(related.range ? { range: jsonRange(related.range) } : {}),
            message: related.message,
          })),
        }
      : {}),
    ...(finding.data ? { data: copyData(finding.data) } : {}),
    docsUrl: ruleDocsUrl(finding.ruleId),
  };
}

/** A document addressing a clause, as both JSON formats (check and coverage) print it. */
export function jsonAddressingDocument(document: ClauseCoverage['documents'][number]): JsonAddressingDocument {
  const { approval, review, label, defects } = document.control;
  return {
    id: document.id,
    title: document.title,
    path: document.path,
    type: document.type ?? null,
    status: document.status ?? null,
    control: { approval, review, label, defects: [...defects] },
    ...(document.viaCrosswalk !== undefined ? { viaCrosswalk: document.viaCrosswalk } : {}),
  };
}

/** The reasons for a clause's status as both JSON formats print them, with the gaps alone for earlier readers. */
export function jsonReasons(clause: ClauseCoverage): Pick<JsonClauseCoverage, 'evidenceCount' | 'reasons' | 'gaps'> {
  return {
    evidenceCount: { linked: clause.evidenceCount.linked, usable: clause.evidenceCount.usable, unusable: { ...clause.evidenceCount.unusable } },
    reasons: clause.reasons.map((reason) => ({ kind: reason.kind, text: reason.text })),
    gaps: clause.reasons.filter((reason) => reason.kind === 'gap').map((reason) => reason.text),
  };
}

export function jsonClauseCoverage(clause: ClauseCoverage): JsonClauseCoverage {
  return {
    clause: clause.clause,
    title: clause.title,
    status: clause.status,
    documents: clause.documents.map(jsonAddressingDocument),
    evidence: clause.evidence.map((evidence) => ({
      documentId: evidence.documentId,
      ...(evidence.path !== undefined ? { path: evidence.path } : {}),
      ...(evidence.url !== undefined ? { url: evidence.url } : {}),
      ...(evidence.date !== undefined ? { date: evidence.date } : {}),
      state: evidence.state,
    })),
    ...jsonReasons(clause),
    ...(clause.exclusion !== undefined ? { exclusion: clause.exclusion } : {}),
  };
}

/** The summary's fields in their printed order. */
function jsonSummary(summary: CoverageSummary): CoverageSummary {
  return {
    leaves: summary.leaves,
    covered: summary.covered,
    atRisk: summary.atRisk,
    partial: summary.partial,
    uncovered: summary.uncovered,
    excluded: summary.excluded,
    percent: summary.percent,
  };
}

/** Builds the JSON report object (what `renderJson` serialises). */
export function buildJsonReport(input: ReportInput): JsonReport {
  const counts = countFindings(input.findings);
  const summary = input.coverage.summary;
  return {
    tool: { name: 'clausemark', version: input.toolVersion },
    root: input.root,
    ...(input.configFile !== undefined ? { configFile: input.configFile } : {}),
    catalog: { id: input.coverage.catalog.id, title: input.coverage.catalog.title },
    today: input.today,
    summary: {
      files: input.stats.files,
      documents: input.stats.documents,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      coverage: jsonSummary(summary),
    },
    coverage: input.coverage.clauses.map(jsonClauseCoverage),
    ...(input.catalogs
      ? {
          catalogs: input.catalogs.map(({ alias, primary, report }) => ({
            alias,
            primary,
            catalog: { id: report.catalog.id, title: report.catalog.title },
            summary: jsonSummary(report.summary),
            coverage: report.clauses.map(jsonClauseCoverage),
          })),
        }
      : {}),
    findings: sortedFindings(input.findings).map((finding) => {
      const state = input.baseline?.get(finding);
      return state ? { ...jsonFinding(finding), baselineState: state } : jsonFinding(finding);
    }),
    ...optionalCycle(input),
  };
}

/** `clausemark check --format json`: 2-space indented, with a trailing newline. */
export function renderJson(input: ReportInput): string {
  return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
}

function optionalCycle(input: ReportInput): { cycle?: JsonCycle } {
  const cycle = input.cycle ? jsonCycle(input.cycle) : undefined;
  return cycle ? { cycle } : {};
}

function copyData(data: FindingData): FindingData {
  return {
    ...(data.suggestions !== undefined ? { suggestions: [...data.suggestions] } : {}),
    ...(data.clause !== undefined ? { clause: data.clause } : {}),
    ...(data.field !== undefined ? { field: data.field } : {}),
    ...(data.documentId !== undefined ? { documentId: data.documentId } : {}),
    ...(data.evidencePath !== undefined ? { evidencePath: data.evidencePath } : {}),
  };
}
