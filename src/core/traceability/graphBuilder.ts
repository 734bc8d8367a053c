import type { TraceEdge, TraceGraph, TraceNode } from './traceabilityGraph.js';

/** Collects a trace graph: one node per identity, keyed `n1`, `n2`… in order of first mention, and each edge once. */
export class GraphBuilder {
  private readonly nodes = new Map<string, TraceNode>();
  private readonly edges: TraceEdge[] = [];
  private readonly seenEdges = new Set<string>();

  /** The key of the node for `identity`, made by `make` the first time. */
  node(identity: string, make: (key: string) => TraceNode): string {
    const existing = this.nodes.get(identity);
    if (existing) return existing.key;
    const created = make(`n${this.nodes.size + 1}`);
    this.nodes.set(identity, created);
    return created.key;
  }

  edge(from: string, to: string, loose = false): void {
    if (this.seenEdges.has(`${from}>${to}`)) return;
    this.seenEdges.add(`${from}>${to}`);
    this.edges.push({ from, to, ...(loose ? { loose } : {}) });
  }

  graph(): TraceGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges] };
  }
}
