import { mermaidStyle, nodeClass, nodeStyle } from './diagramStyle.js';
import type { TraceGraph, TraceNode } from './traceabilityGraph.js';

/**
 * Mermaid flowchart text for a trace graph. Node ids are the graph's generated keys; every label is text
 * from documents, so it is quoted and every character mermaid could read as markup, an entity, a directive
 * (`%%{init}%%`) or a click binding is written as a mermaid entity code. Each node gets a class named after its
 * kind and state (`evidence_missing`), styled from one palette, so a state added later is drawn too. A node with an
 * `href` gets a `click … href` line (links work under `securityLevel: 'strict'`); the editor's panel gives none and
 * binds clicks itself.
 */
export function mermaidFlowchart(graph: TraceGraph, direction: 'LR' | 'TD' = 'LR'): string {
  const lines = [`flowchart ${direction}`];
  for (const node of graph.nodes) lines.push(`  ${node.key}${shape(node)}`);
  for (const edge of graph.edges) lines.push(`  ${edge.from} ${edge.loose ? '-.->' : '-->'} ${edge.to}`);
  const byClass = new Map<string, { readonly node: TraceNode; readonly keys: string[] }>();
  for (const node of graph.nodes) {
    const name = nodeClass(node);
    const entry = byClass.get(name);
    if (entry) entry.keys.push(node.key);
    else byClass.set(name, { node, keys: [node.key] });
  }
  for (const [name, { node }] of byClass) lines.push(`  classDef ${name} ${mermaidStyle(nodeStyle(node))}`);
  for (const [name, { keys }] of byClass) lines.push(`  class ${keys.join(',')} ${name}`);
  for (const node of graph.nodes) if (node.href !== undefined) lines.push(`  click ${node.key} href "${mermaidHref(node.href)}"`);
  return `${lines.join('\n')}\n`;
}

/** A link target inside a mermaid string: characters that could end the string or the statement are percent-encoded. */
function mermaidHref(href: string): string {
  return href.replace(/["\s\\`;<>{}|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
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
