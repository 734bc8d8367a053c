/** A position in a file: 1-based line and column (UTF-16 code units, as editors count) plus the 0-based offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range [start, end) in a file. */
export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** A copy of a range as plain data (a file's ranges are computed lazily), for a model sent as JSON. */
export function plainRange(range: SourceRange): SourceRange {
  const position = ({ line, column, offset }: SourcePosition): SourcePosition => ({ line, column, offset });
  return { start: position(range.start), end: position(range.end) };
}
