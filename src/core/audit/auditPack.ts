import type { CheckResult } from '../check.js';
import type { ClauseCoverage } from '../coverage/coverageReport.js';
import { documentControl } from '../coverage/documentControl.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { Finding } from '../model/finding.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { mermaidFlowchart } from '../traceability/mermaidFlowchart.js';
import { traceabilityGraph } from '../traceability/traceabilityGraph.js';

/** The git commit a pack was built from; `dirty` when tracked files differed from it. */
export interface PackRevision {
  readonly commit: string;
  readonly dirty: boolean;
}

/** One line of the document register (ISO/IEC 20000-1 7.5.3: documented information is controlled). */
export interface RegisterEntry {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly type?: string;
  readonly owner?: string;
  readonly version?: string;
  /** The control state in words (`approved`, `draft`, `approval incomplete`…): approved only when the approval is in force. */
  readonly status?: string;
  readonly approvedBy?: string;
  readonly approvedOn?: string;
  readonly nextReview?: string;
  /** A record's own date. */
  readonly date?: string;
}

export interface EvidenceEntry {
  readonly documentId: string;
  readonly clause: string;
  /** The URL, or the path relative to the repository root (as written when it leads outside). */
  readonly target: string;
  readonly date?: string;
  readonly state: EvidenceState;
}

/** One clause family (a top-level clause) with its traceability diagram. */
export interface ClauseFamily {
  readonly id: string;
  readonly label: string;
  readonly clauses: readonly ClauseCoverage[];
  /** Mermaid flowchart source: the family's clauses, the documents that address them and their evidence. */
  readonly diagram: string;
}

/** What a team hands an auditor for a Stage 1 document review. */
export interface AuditPack {
  readonly title: string;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly generatedOn: string;
  readonly revision?: PackRevision;
  readonly toolVersion: string;
  readonly summary: CheckResult['coverage']['summary'];
  readonly families: readonly ClauseFamily[];
  readonly documents: readonly RegisterEntry[];
  readonly evidence: readonly EvidenceEntry[];
  /** Documents, not retired, whose `next_review` has passed. */
  readonly overdue: readonly RegisterEntry[];
  readonly findings: readonly Finding[];
}

/** Gathers the pack from one check of the repository. */
export function buildAuditPack(result: CheckResult, options: { readonly toolVersion: string; readonly revision?: PackRevision }): AuditPack {
  const { catalog } = result.project;
  const documents: RegisterEntry[] = result.index
    .documents()
    .filter((document) => document.id !== undefined)
    .map((document) => ({
      id: document.id!.value,
      title: document.title?.value ?? document.id!.value,
      path: document.path,
      ...optional('type', document.type?.value),
      ...optional('owner', document.owner?.value),
      ...optional('version', document.version?.value),
      ...optional('status', document.status ? documentControl(document, result.today, result.project.config.reviewWarningDays).label : undefined),
      ...optional('approvedBy', document.approvedBy?.value),
      ...optional('approvedOn', document.approvedOn?.value),
      ...optional('nextReview', document.nextReview?.value),
      ...optional('date', document.date?.value),
    }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

  const evidence: EvidenceEntry[] = result.coverage.clauses.flatMap((clause) =>
    clause.evidence.map((item) => ({
      documentId: item.documentId,
      clause: clause.clause,
      target: item.url ?? (item.path !== undefined ? repositoryPath(item.documentPath, item.path) : item.documentPath),
      ...optional('date', item.date),
      state: item.state,
    })),
  );

  const families = new Map<string, ClauseCoverage[]>();
  for (const clause of result.coverage.clauses) {
    const family = catalog.ancestors(clause.clause).at(-1)?.id ?? clause.clause;
    const list = families.get(family);
    if (list) list.push(clause);
    else families.set(family, [clause]);
  }

  return {
    title: `Audit pack: ${result.coverage.catalog.title}`,
    catalog: result.coverage.catalog,
    generatedOn: result.today,
    ...(options.revision ? { revision: options.revision } : {}),
    toolVersion: options.toolVersion,
    summary: result.coverage.summary,
    families: [...families].map(([id, clauses]) => ({
      id,
      label: catalog.label(id),
      clauses,
      diagram: mermaidFlowchart(traceabilityGraph({ kind: 'family', clause: id }, result.index.documents(), catalog, result.coverage)).trimEnd(),
    })),
    documents,
    evidence,
    overdue: documents.filter((document) => document.status !== 'retired' && document.nextReview !== undefined && document.nextReview < result.today),
    findings: result.findings,
  };
}

function repositoryPath(documentPath: string, written: string): string {
  const location = resolveEvidencePath(documentPath, written);
  return location.kind === 'inside' ? location.path : written;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
