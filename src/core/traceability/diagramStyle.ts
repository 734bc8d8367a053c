import type { TraceGraph, TraceNode, TraceNodeKind } from './traceabilityGraph.js';

/** How one kind of node in one state is drawn: mermaid `classDef` properties. */
export interface NodeStyle {
  readonly fill: string;
  readonly color: string;
  readonly stroke: string;
  /** Dashed outlines mark what is not there or does not count (drafts, missing or stale evidence). */
  readonly dashed?: boolean;
  readonly strokeWidth?: number;
}

/** One line of a diagram's legend: the class a node carries, what it means and how it is drawn. */
export interface LegendEntry {
  readonly className: string;
  readonly kind: TraceNodeKind;
  /** The state as Clausemark names it (`covered`, `missing`…); absent for a node without one. */
  readonly status: string | undefined;
  readonly label: string;
  readonly style: NodeStyle;
}

const KNOWN: Partial<Record<TraceNodeKind, Record<string, NodeStyle>>> = {
  clause: {
    covered: { fill: '#2e7d32', color: '#fff', stroke: '#1b5e20' },
    'at-risk': { fill: '#ef6c00', color: '#fff', stroke: '#b53d00' },
    partial: { fill: '#f9a825', color: '#000', stroke: '#f57f17' },
    uncovered: { fill: '#c62828', color: '#fff', stroke: '#8e0000' },
    excluded: { fill: '#9e9e9e', color: '#000', stroke: '#616161' },
    unknown: { fill: '#c62828', color: '#fff', stroke: '#8e0000', dashed: true },
    group: { fill: '#eceff1', color: '#000', stroke: '#607d8b' },
  },
  document: {
    approved: { fill: '#1565c0', color: '#fff', stroke: '#0d47a1' },
    review: { fill: '#eceff1', color: '#000', stroke: '#607d8b', dashed: true },
    draft: { fill: '#eceff1', color: '#000', stroke: '#607d8b', dashed: true },
    retired: { fill: '#bdbdbd', color: '#424242', stroke: '#757575' },
  },
  evidence: {
    current: { fill: '#ede7f6', color: '#000', stroke: '#5e35b1' },
    undated: { fill: '#ede7f6', color: '#000', stroke: '#5e35b1' },
    stale: { fill: '#fff8e1', color: '#000', stroke: '#f57f17', dashed: true, strokeWidth: 2 },
    missing: { fill: '#ffebee', color: '#8e0000', stroke: '#c62828', dashed: true, strokeWidth: 3 },
    outside: { fill: '#ffebee', color: '#8e0000', stroke: '#c62828', dashed: true, strokeWidth: 3 },
    invalid: { fill: '#ffebee', color: '#8e0000', stroke: '#c62828', dashed: true, strokeWidth: 3 },
  },
};

/** States no palette entry knows (a state added later) get a neutral look of their own kind, and their name in the legend. */
const FALLBACK: Record<TraceNodeKind, NodeStyle> = {
  clause: { fill: '#fff', color: '#000', stroke: '#424242', strokeWidth: 2 },
  document: { fill: '#fff', color: '#000', stroke: '#0d47a1', strokeWidth: 2 },
  evidence: { fill: '#fff', color: '#000', stroke: '#5e35b1', strokeWidth: 2 },
};

const KIND_LABEL: Record<TraceNodeKind, string> = { clause: 'clause', document: 'document', evidence: 'evidence' };

/** The class name of a node: its kind and state, reduced to characters mermaid accepts in a class name. */
export function nodeClass(node: Pick<TraceNode, 'kind' | 'status'>): string {
  return `${node.kind}_${(node.status ?? 'none').toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

export function nodeStyle(node: Pick<TraceNode, 'kind' | 'status'>): NodeStyle {
  return (node.status !== undefined ? KNOWN[node.kind]?.[node.status] : undefined) ?? FALLBACK[node.kind];
}

/** `fill:#2e7d32,color:#fff,stroke:#1b5e20`: a style as mermaid `classDef` properties. */
export function mermaidStyle(style: NodeStyle): string {
  const parts = [`fill:${style.fill}`, `color:${style.color}`, `stroke:${style.stroke}`];
  if (style.strokeWidth !== undefined) parts.push(`stroke-width:${style.strokeWidth}px`);
  if (style.dashed) parts.push('stroke-dasharray:5 3');
  return parts.join(',');
}

/** `fill:…;color:…;border:2px dashed …`: a style for an HTML swatch that looks like the node. */
export function cssStyle(style: NodeStyle): string {
  return `background:${style.fill};color:${style.color};border:${style.strokeWidth ?? 1}px ${style.dashed ? 'dashed' : 'solid'} ${style.stroke}`;
}

/** The legend of a diagram: one entry per kind and state drawn in it, clauses first, in order of first appearance. */
export function diagramLegend(graph: TraceGraph): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  const order: TraceNodeKind[] = ['clause', 'document', 'evidence'];
  for (const kind of order) {
    for (const node of graph.nodes) {
      if (node.kind !== kind) continue;
      const className = nodeClass(node);
      if (entries.has(className)) continue;
      entries.set(className, {
        className,
        kind,
        status: node.status,
        label: node.status !== undefined ? `${KIND_LABEL[kind]}: ${node.status}` : KIND_LABEL[kind],
        style: nodeStyle(node),
      });
    }
  }
  return [...entries.values()];
}
