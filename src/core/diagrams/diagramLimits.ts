import type { DiagramProblem } from './diagramValidator.js';

/**
 * The largest diagram source parsed: mermaid's own renderer refuses more (its `maxTextSize`), so a larger
 * block does not render anyway. A diagram comes with the repository, and mermaid's parser is not linear:
 * `graph TD` and 16 KB of spaces took 18 s.
 */
export const MAX_DIAGRAM_CHARS = 50_000;

/**
 * How long one diagram may take to parse in the worker before it is stopped and the worker replaced. A real
 * diagram takes about 2 ms, a large one tens; hostile ones (4,000 nested subgraphs, a 94 KB `A & B & … --> C`)
 * took many seconds each and held up every diagram after them.
 */
export const DIAGRAM_TIME_LIMIT_MS = 2000;

/** Why a diagram is not parsed at all, or undefined when its size is within the limit. */
export function diagramSizeProblem(source: string): DiagramProblem | undefined {
  if (source.length <= MAX_DIAGRAM_CHARS) return undefined;
  return tooComplex(
    `it is ${source.length.toLocaleString('en')} characters, over the ${MAX_DIAGRAM_CHARS.toLocaleString('en')} Clausemark parses (mermaid does not render more)`,
  );
}

/** A diagram Clausemark could not judge within its limits; reported as `diagram.too-complex`. */
export function tooComplex(reason: string): DiagramProblem {
  return { message: reason, tooComplex: true };
}
