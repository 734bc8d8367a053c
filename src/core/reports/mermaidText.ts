import { mermaidText } from '../traceability/mermaidFlowchart.js';

/**
 * A double-quoted mermaid label showing exactly `text` (document titles, ids, clause titles), on one line: every
 * character mermaid or HTML could read as syntax is an entity code (see `mermaidText`), so a title can neither
 * break the diagram nor put markup into the rendered SVG.
 */
export function mermaidLabel(text: string, max = 60): string {
  return `"${mermaidText(text, max)}"`;
}

/** Node ids are generated (`d0`, `c3`), never taken from documents. */
export class MermaidIds {
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  idOf(key: string): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `${this.prefix}${this.ids.size}`;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** Class definitions for clause statuses, shared by every diagram Clausemark draws. */
export const STATUS_CLASS_DEFS = [
  'classDef covered fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  'classDef partial fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  'classDef uncovered fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  'classDef excluded fill:#eaeef2,stroke:#6e7781,color:#1f2328',
  'classDef document fill:#ddf4ff,stroke:#0969da,color:#1f2328',
];
