import type { SourcePosition, SourceRange } from './sourceRange.js';

/**
 * Converts offsets in a text to line/column positions. Built once per text; lookups are a binary search,
 * so converting every range of a large file stays cheap.
 */
export class LineIndex {
  // An index of 10,000 documents holds one of these per file, so it keeps the least it can: line starts in a
  // typed array of exact length (a plain array holds 8 bytes per line plus growth room), the length, and
  // where lines end in CR. Not the text: keeping the texts alive would double the index's memory.
  private readonly lineStarts: Uint32Array;
  private readonly length: number;
  private readonly crBeforeLineStart: ReadonlySet<number> | undefined;

  constructor(text: string) {
    const starts = [0];
    // indexOf runs natively; a character loop here was a tenth of reading a document.
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
    let crs: Set<number> | undefined;
    if (text.includes('\r')) {
      crs = new Set<number>();
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
      if (text.charCodeAt(text.length - 1) === 13) crs.add(text.length + 1);
    }
    this.lineStarts = Uint32Array.from(starts);
    this.length = text.length;
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
    return new OffsetRange(this, startOffset, Math.max(startOffset, endOffset));
  }

  /** The range of a whole line without its line break (1-based line number). */
  lineRange(line: number): SourceRange {
    const index = Math.max(1, Math.min(line, this.lineStarts.length)) - 1;
    const start = this.lineStarts[index] ?? 0;
    let end = index + 1 < this.lineStarts.length ? (this.lineStarts[index + 1] ?? 0) - 1 : this.length;
    if (end > start && this.crBeforeLineStart?.has(end + 1) /* the line ends in \r */) end--;
    return this.range(start, end);
  }
}

/**
 * A range kept as two offsets into its file's line index; its positions are worked out when read. Ranges are
 * most of what the index holds (hundreds of thousands at 10,000 documents), and this is a third of the
 * memory of a range holding two position objects. It reads, and serialises to JSON, like any SourceRange.
 */
export class OffsetRange implements SourceRange {
  readonly #lines: LineIndex;
  // Own fields, so that `deepEqual` tells two ranges of a file apart (it compares own properties, not getters).
  readonly startOffset: number;
  readonly endOffset: number;

  constructor(lines: LineIndex, startOffset: number, endOffset: number) {
    this.#lines = lines;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  get start(): SourcePosition {
    return this.#lines.positionAt(this.startOffset);
  }

  get end(): SourcePosition {
    return this.#lines.positionAt(this.endOffset);
  }

  /** Whether this range is an offset pair into `lines` (so the offsets alone can stand for it). */
  isIn(lines: LineIndex): boolean {
    return this.#lines === lines;
  }

  toJSON(): { start: SourcePosition; end: SourcePosition } {
    return { start: this.start, end: this.end };
  }
}
