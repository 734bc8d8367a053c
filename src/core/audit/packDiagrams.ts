import type { ClauseCoverage, ClauseEvidence } from '../coverage/coverageReport.js';
import { diagramLegend, type LegendEntry } from '../traceability/diagramStyle.js';
import { mermaidFlowchart } from '../traceability/mermaidFlowchart.js';
import { GraphBuilder } from '../traceability/graphBuilder.js';
import type { TraceGraph } from '../traceability/traceabilityGraph.js';

/** One traceability diagram of the pack: some clauses of a family (or part of one clause), small enough to read. */
export interface PackDiagram {
  /** `trace-8-3`: stable for the same repository, safe as an HTML id. */
  readonly id: string;
  readonly caption: string;
  readonly clauses: readonly string[];
  /** Mermaid flowchart source, within the renderer's limits. */
  readonly source: string;
  readonly legend: readonly LegendEntry[];
}

/** What a diagram node shows and where a click on it leads. */
export interface DiagramNodes {
  clause(clause: ClauseCoverage): { readonly label: string; readonly href: string };
  document(path: string, fallbackId: string): { readonly label: string; readonly href: string; readonly status?: string };
  evidence(clause: ClauseCoverage, evidence: ClauseEvidence): { readonly label: string; readonly href: string };
}

// The renderer's limits (mermaid's `maxEdges` and `maxTextSize`), with a margin.
const MAX_EDGES = 400;
const MAX_SOURCE = 40_000;
/**
 * Estimated height a diagram may reach. Mermaid wraps labels at about 200 px (some 24 characters a line) and
 * keeps 50 px between nodes of one column; the estimate errs high so the drawn diagram stays under 2,500 px.
 */
const HEIGHT_BUDGET = 1_900;
const CHARS_PER_LINE = 22;

interface Row {
  readonly documentPath: string;
  readonly documentId: string;
  readonly claims: boolean;
  readonly evidence: readonly ClauseEvidence[];
}

/** A clause, or a share of its documents when they do not fit one diagram. */
interface Block {
  readonly clause: ClauseCoverage;
  readonly rows: readonly Row[];
  readonly part?: { readonly index: number; readonly of: number };
}

/**
 * The diagrams of one clause family: clause → documents → evidence, clauses in catalog order, documents by id,
 * packed into as few diagrams as stay within the height budget and mermaid's limits. A clause with more
 * documents than one diagram holds is drawn in parts.
 */
export function familyDiagrams(familyKey: string, clauses: readonly ClauseCoverage[], nodes: DiagramNodes): PackDiagram[] {
  const blocks = clauses.flatMap((clause) => blocksOf(clause, nodes));
  return inBins(blocks, (block) => heightOf(block, nodes))
    .filter((group) => group.length > 0)
    .flatMap((group) => withinLimits(group, nodes))
    .map((diagram, index) => ({ ...diagram, id: `trace-${familyKey}-${index + 1}` }));
}

function blocksOf(clause: ClauseCoverage, nodes: DiagramNodes): Block[] {
  const rows = rowsOf(clause);
  const whole: Block = { clause, rows };
  if (heightOf(whole, nodes) <= HEIGHT_BUDGET) return [whole];
  // Too tall: share the documents (and a document's evidence, if it alone is too tall) among parts.
  const pieces = rows.flatMap((row) =>
    inBins(row.evidence, (item) => nodeHeight(nodes.evidence(clause, item).label)).map((evidence) => ({ ...row, evidence })),
  );
  const parts = inBins(pieces, (piece) => rowHeight(clause, piece, nodes));
  return parts.map((share, index) => ({ clause, rows: share, part: { index: index + 1, of: parts.length } }));
}

/** Items in order, in as few consecutive bins as keep each bin's height within the budget (an item taller than it gets a bin alone). */
function inBins<T>(items: readonly T[], height: (item: T) => number): T[][] {
  const bins: T[][] = [];
  let bin: T[] = [];
  let total = 0;
  for (const item of items) {
    const itemHeight = height(item);
    if (bin.length > 0 && total + itemHeight > HEIGHT_BUDGET) {
      bins.push(bin);
      bin = [];
      total = 0;
    }
    bin.push(item);
    total += itemHeight;
  }
  // A document without evidence still needs its (empty) row.
  if (bin.length > 0 || bins.length === 0) bins.push(bin);
  return bins;
}

/** The clause's documents by id, each with the evidence it links for the clause; documents that only link evidence last. */
function rowsOf(clause: ClauseCoverage): Row[] {
  const rows = new Map<string, { documentPath: string; documentId: string; claims: boolean; evidence: ClauseEvidence[] }>();
  for (const document of clause.documents)
    if (!rows.has(document.path)) rows.set(document.path, { documentPath: document.path, documentId: document.id, claims: true, evidence: [] });
  for (const item of clause.evidence) {
    const row = rows.get(item.documentPath) ?? { documentPath: item.documentPath, documentId: item.documentId, claims: false, evidence: [] };
    rows.set(item.documentPath, row);
    row.evidence.push(item);
  }
  const byName = (a: { documentId: string; documentPath: string }, b: { documentId: string; documentPath: string }): number =>
    a.documentId.localeCompare(b.documentId, 'en', { numeric: true }) || (a.documentPath < b.documentPath ? -1 : a.documentPath > b.documentPath ? 1 : 0);
  return [...rows.values()].sort((a, b) => Number(b.claims) - Number(a.claims) || byName(a, b));
}

function heightOf(block: Block, nodes: DiagramNodes): number {
  return Math.max(nodeHeight(nodes.clause(block.clause).label), sum(block.rows.map((row) => rowHeight(block.clause, row, nodes))));
}

/** The layout puts a document level with its evidence: the taller of the two is the row's share of the height. */
function rowHeight(clause: ClauseCoverage, row: Row, nodes: DiagramNodes): number {
  return Math.max(
    nodeHeight(nodes.document(row.documentPath, row.documentId).label),
    sum(row.evidence.map((item) => nodeHeight(nodes.evidence(clause, item).label))),
  );
}

/** Height a node takes in its column, label wrapped, with the gap to the next. */
function nodeHeight(label: string): number {
  const lines = Math.max(1, Math.ceil(Math.min(label.length, 80) / CHARS_PER_LINE));
  return 40 + 24 * lines + 50;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The group as one diagram, or halved until each half is within mermaid's limits. */
function withinLimits(group: readonly Block[], nodes: DiagramNodes): Omit<PackDiagram, 'id'>[] {
  const graph = graphOf(group, nodes);
  const source = mermaidFlowchart(graph).trimEnd();
  if ((source.length <= MAX_SOURCE && graph.edges.length <= MAX_EDGES) || !splittable(group)) {
    return [{ caption: captionOf(group), clauses: [...new Set(group.map((block) => block.clause.clause))], source, legend: diagramLegend(graph) }];
  }
  const halves = halve(group);
  return halves.flatMap((half) => withinLimits(half, nodes));
}

function splittable(group: readonly Block[]): boolean {
  return group.length > 1 || (group[0]?.rows.length ?? 0) > 1;
}

function halve(group: readonly Block[]): Block[][] {
  if (group.length > 1) return [group.slice(0, Math.ceil(group.length / 2)), group.slice(Math.ceil(group.length / 2))];
  const block = group[0]!;
  const middle = Math.ceil(block.rows.length / 2);
  return [[{ ...block, rows: block.rows.slice(0, middle) }], [{ ...block, rows: block.rows.slice(middle) }]];
}

function graphOf(group: readonly Block[], nodes: DiagramNodes): TraceGraph {
  const builder = new GraphBuilder();
  for (const block of group) {
    const clause = nodes.clause(block.clause);
    const clauseKey = builder.node(`c:${block.clause.clause}`, (key) => ({
      key,
      kind: 'clause',
      label: clause.label,
      status: block.clause.status,
      href: clause.href,
    }));
    for (const row of block.rows) {
      const document = nodes.document(row.documentPath, row.documentId);
      const documentKey = builder.node(`d:${row.documentPath}`, (key) => ({
        key,
        kind: 'document',
        label: document.label,
        ...(document.status !== undefined ? { status: document.status } : {}),
        path: row.documentPath,
        href: document.href,
      }));
      builder.edge(clauseKey, documentKey, !row.claims);
      for (const item of row.evidence) {
        const evidence = nodes.evidence(block.clause, item);
        const target = item.repositoryPath ?? item.url ?? item.path ?? evidence.label;
        const evidenceKey = builder.node(`e:${target}|${item.state}`, (key) => ({
          key,
          kind: 'evidence',
          label: evidence.label,
          status: item.state,
          ...(item.repositoryPath !== undefined ? { path: item.repositoryPath } : {}),
          href: evidence.href,
        }));
        builder.edge(documentKey, evidenceKey);
      }
    }
  }
  return builder.graph();
}

function captionOf(group: readonly Block[]): string {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const name = (block: Block): string => `${block.clause.clause} ${block.clause.title}${block.part ? ` (part ${block.part.index} of ${block.part.of})` : ''}`;
  return first === last ? name(first) : `${name(first)} to ${name(last)}`;
}
