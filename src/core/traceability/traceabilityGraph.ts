import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { CoverageReport } from '../coverage/coverageReport.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { GraphBuilder } from './graphBuilder.js';

export type TraceNodeKind = 'clause' | 'document' | 'evidence';

export interface TraceNode {
  /** Generated (`n1`, `n2`…), never taken from a document, so it is always a safe diagram id. */
  readonly key: string;
  readonly kind: TraceNodeKind;
  readonly label: string;
  /** Coverage status for clauses, document status for documents, evidence state for evidence. */
  readonly status?: string;
  /** The repository-relative file a click opens. */
  readonly path?: string;
  /** Where a click on the node leads, in a page that is not the editor (the audit pack): a URL, relative or in-page. */
  readonly href?: string;
}

export interface TraceEdge {
  readonly from: string;
  readonly to: string;
  /** Drawn dotted: evidence a document links for a clause it does not claim. */
  readonly loose?: boolean;
}

export interface TraceGraph {
  readonly nodes: readonly TraceNode[];
  readonly edges: readonly TraceEdge[];
}

export type TraceScope = { readonly kind: 'document'; readonly path: string } | { readonly kind: 'family'; readonly clause: string } | { readonly kind: 'all' };

/** Clause → document → evidence for one document, one clause family (e.g. 8.6) or the whole SMS. */
export function traceabilityGraph(scope: TraceScope, documents: readonly SmsDocument[], catalog: ClauseCatalog, coverage: CoverageReport): TraceGraph {
  const builder = new GraphBuilder();
  const node = (identity: string, make: (key: string) => TraceNode): string => builder.node(identity, make);
  const edge = (from: string, to: string): void => builder.edge(from, to);
  const statusOf = new Map(coverage.clauses.map((clause) => [clause.clause, clause.status]));
  const evidenceStateOf = new Map(
    coverage.clauses.flatMap((clause) => clause.evidence.map((item) => [`${item.documentPath}#${item.range.start.offset}`, item.state] as const)),
  );
  const inFamily = (clause: string): boolean => scope.kind !== 'family' || clause === scope.clause || clause.startsWith(`${scope.clause}.`);
  const selected = documents.filter((document) =>
    scope.kind === 'document' ? document.path === scope.path : document.clauses.some((claim) => inFamily(claim.clause)),
  );

  for (const document of selected) {
    const documentKey = node(`d:${document.path}`, (key) => ({
      key,
      kind: 'document',
      label: `${document.id?.value ?? document.path}${document.title ? `: ${document.title.value}` : ''}`,
      ...(document.status ? { status: document.status.value } : {}),
      path: document.path,
    }));
    for (const claim of document.clauses) {
      if (!inFamily(claim.clause)) continue;
      const clauseKey = node(`c:${claim.clause}`, (key) => ({
        key,
        kind: 'clause',
        label: catalog.label(claim.clause),
        status: statusOf.get(claim.clause) ?? (catalog.has(claim.clause) ? 'group' : 'unknown'),
      }));
      edge(clauseKey, documentKey);
    }
    for (const link of document.evidence) {
      if (link.clause && !inFamily(link.clause.value)) continue;
      const location = link.path ? resolveEvidencePath(document.path, link.path.value) : undefined;
      const target = location?.kind === 'inside' ? location.path : undefined;
      // Labelled by what a reader can find: the repository path, not the path as written from the document's folder.
      const label = link.description ?? target ?? link.url?.value ?? link.path?.value ?? 'evidence';
      const state = evidenceStateOf.get(`${document.path}#${link.itemRange.start.offset}`);
      const evidenceKey = node(`e:${target ?? link.url?.value ?? label}|${state ?? ''}`, (key) => ({
        key,
        kind: 'evidence',
        label,
        ...(state ? { status: state } : {}),
        ...(target ? { path: target } : {}),
      }));
      edge(documentKey, evidenceKey);
    }
  }
  if (scope.kind === 'family') {
    // Show the family's uncovered leaves too: gaps are what a reviewer looks for.
    for (const clause of coverage.clauses) {
      if (inFamily(clause.clause)) node(`c:${clause.clause}`, (key) => ({ key, kind: 'clause', label: catalog.label(clause.clause), status: clause.status }));
    }
  }
  return builder.graph();
}
