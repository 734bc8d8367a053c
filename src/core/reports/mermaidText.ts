/**
 * Building mermaid flowcharts from untrusted text (document titles, ids, clause titles). Labels are always
 * quoted, and every character mermaid or HTML could read as syntax becomes a mermaid entity code, so a title
 * can neither break the diagram nor inject markup into the rendered SVG.
 */

const ENTITY: Record<string, string> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '#': '#35;', '`': '#96;', '\\': '#92;', '|': '#124;', '{': '#123;', '}': '#125;', '[': '#91;', ']': '#93;' };

/** A double-quoted mermaid label showing exactly `text`, on one line, at most `max` characters. */
export function mermaidLabel(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return `"${short.replace(/["<>&#`\\|{}[\]]/g, (char) => ENTITY[char] ?? char)}"`;
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
