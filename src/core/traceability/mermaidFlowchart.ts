import type { TraceGraph, TraceNode } from './traceabilityGraph.js';

const CLASS_BY_STATUS: Record<string, string> = {
  covered: 'covered', 'at-risk': 'atRisk', partial: 'partial', uncovered: 'uncovered', excluded: 'excluded', unknown: 'uncovered',
  approved: 'approved', draft: 'draft', review: 'draft', retired: 'retired',
};

/**
 * Mermaid flowchart text for a trace graph. Node ids are the graph's generated keys; every label is text
 * from documents, so it is quoted and every character mermaid could read as markup, an entity, a directive
 * (`%%{init}%%`) or a click binding is written as a mermaid entity code. No `click` lines are emitted:
 * the viewer binds clicks itself.
 */
export function mermaidFlowchart(graph: TraceGraph, direction: 'LR' | 'TD' = 'LR'): string {
  const lines = [`flowchart ${direction}`];
  for (const node of graph.nodes) lines.push(`  ${node.key}${shape(node)}`);
  for (const edge of graph.edges) lines.push(`  ${edge.from} --> ${edge.to}`);
  const byClass = new Map<string, string[]>();
  for (const node of graph.nodes) {
    const name = node.status ? CLASS_BY_STATUS[node.status] : node.kind === 'evidence' ? 'evidence' : undefined;
    if (name) byClass.set(name, [...(byClass.get(name) ?? []), node.key]);
  }
  lines.push(
    '  classDef covered fill:#2e7d32,color:#fff,stroke:#1b5e20',
    '  classDef atRisk fill:#ef6c00,color:#000,stroke:#e65100',
    '  classDef partial fill:#f9a825,color:#000,stroke:#f57f17',
    '  classDef uncovered fill:#c62828,color:#fff,stroke:#8e0000',
    '  classDef excluded fill:#9e9e9e,color:#000',
    '  classDef approved fill:#1565c0,color:#fff,stroke:#0d47a1',
    '  classDef draft fill:#eceff1,color:#000,stroke:#607d8b,stroke-dasharray:4 2',
    '  classDef retired fill:#bdbdbd,color:#424242',
    '  classDef evidence fill:#ede7f6,color:#000,stroke:#5e35b1',
  );
  for (const [name, keys] of byClass) lines.push(`  class ${keys.join(',')} ${name}`);
  return `${lines.join('\n')}\n`;
}

function shape(node: TraceNode): string {
  const label = `"${mermaidText(node.label)}"`;
  if (node.kind === 'clause') return `[${label}]`;
  if (node.kind === 'evidence') return `[(${label})]`;
  return `(${label})`;
}

/** Text as a mermaid label: only letters, digits, spaces and harmless punctuation pass as themselves. */
export function mermaidText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const clipped = flat.length > max ? `${flat.slice(0, max - 3)}…` : flat;
  return clipped.replace(/[^\p{L}\p{N} .,:/_()'+-]/gu, (character) => `#${character.codePointAt(0)};`);
}
