/** What is wrong with a diagram's source, as far as its own parser can tell. */
export interface DiagramProblem {
  readonly message: string;
  /** 1-based line within the diagram source, when the parser says where. */
  readonly line?: number;
  /** Not a parse error: the diagram was not judged, being over a size or time limit (`diagram.too-complex`). */
  readonly tooComplex?: true;
}

/**
 * Checks one diagram; undefined when it parses, or when it cannot be judged (an unsupported diagram
 * type or a parser that needs a browser) — a validator never reports what it could not check.
 */
export type DiagramValidator = (language: string, source: string) => Promise<DiagramProblem | undefined>;
