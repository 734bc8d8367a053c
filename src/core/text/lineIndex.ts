import type { SourcePosition, SourceRange } from './sourceRange.js';

/**
 * Converts offsets in a text to line/column positions. Built once per text; lookups are a binary search,
 * so converting every range of a large file stays cheap.
 */
export class LineIndex {
  private readonly lineStarts: number[];
  // Only the length and where lines end in CR are kept, not the text: an index of 10,000 documents holds
  // one of these per file, and keeping the texts alive would double its memory.
  private readonly length: number;
  private readonly crBeforeLineStart: ReadonlySet<number>;

  constructor(text: string) {
    const starts = [0];
    // indexOf runs natively; a character loop here was a tenth of reading a document.
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
    this.lineStarts = starts;
    this.length = text.length;
    const crs = new Set<number>();
    if (text.includes('\r')) {
      for (const start of starts) if (start > 1 && text.charCodeAt(start - 2) === 13) crs.add(start);
      // A lone CR ends a line too, as editors count lines (old Mac files, mixed endings).
      let loneCr = false;
      for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 1)) {
        if (text.charCodeAt(cr + 1) !== 10 && cr + 1 < text.length) {
          starts.push(cr + 1);
          loneCr = true;
        }
      }
      if (loneCr) starts.sort((a, b) => a - b);
    }
    if (text.charCodeAt(text.length - 1) === 13) crs.add(text.length + 1);
    this.crBeforeLineStart = crs;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.length));
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
    let end = index + 1 < this.lineStarts.length ? (this.lineStarts[index + 1] ?? 0) - 1 : this.length;
    if (end > start && this.crBeforeLineStart.has(end + 1) /* the line ends in \r */) end--;
    return this.range(start, end);
  }
}
