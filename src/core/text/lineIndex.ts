import type { SourcePosition, SourceRange } from './sourceRange.js';

/**
 * Converts offsets in a text to line/column positions. Built once per text; lookups are a binary search,
 * so converting every range of a large file stays cheap.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    // indexOf runs natively; a character loop here was a tenth of reading a document.
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    return { line: low + 1, column: clamped - lineStart + 1, offset: clamped };
  }

  range(startOffset: number, endOffset: number): SourceRange {
    const start = this.positionAt(startOffset);
    const end = this.positionAt(Math.max(startOffset, endOffset));
    return { start, end };
  }

  /** The range of a whole line without its line break (1-based line number). */
  lineRange(line: number): SourceRange {
    const index = Math.max(1, Math.min(line, this.lineStarts.length)) - 1;
    const start = this.lineStarts[index] ?? 0;
    let end = index + 1 < this.lineStarts.length ? (this.lineStarts[index + 1] ?? 0) - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13 /* \r */) end--;
    return this.range(start, end);
  }
}
