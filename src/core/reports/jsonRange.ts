import type { SourceRange } from '../text/sourceRange.js';

/** A range as reports publish it: 1-based lines and columns (UTF-16 code units), end exclusive, no offsets. */
export interface JsonRange {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

export function jsonRange(range: SourceRange): JsonRange {
  return { start: { line: range.start.line, column: range.start.column }, end: { line: range.end.line, column: range.end.column } };
}
