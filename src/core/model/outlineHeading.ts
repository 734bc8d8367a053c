import type GithubSlugger from 'github-slugger';
import { slug as plainSlug } from 'github-slugger';
import type { LineIndex } from '../text/lineIndex.js';
import type { SourcePosition, SourceRange } from '../text/sourceRange.js';
import type { Heading } from './smsDocument.js';

/**
 * A heading of a document's outline. An index of 10,000 documents holds tens of thousands (74,000 in the
 * bench's corpus), all alive when the memory of a check is at its largest: each keeps its text, depth and two
 * offsets, and works out its range and slug when asked. The slug is kept only where it is not the heading's
 * own (a repeated heading gets `-1`, `-2`, ...).
 */
export class OutlineHeading implements Heading {
  readonly #lines: LineIndex;
  readonly text: string;
  readonly depth: number;
  // Own fields, so that `deepEqual` tells two headings apart (it compares own properties, not getters).
  readonly startOffset: number;
  readonly endOffset: number;
  /** The slug where a heading of the same slug came earlier in the document; undefined where it is the text's own. */
  readonly repeatedSlug: string | undefined;

  /** The next heading of a document: `slugger` is the document's, so repeats are numbered in order, as on GitHub. */
  static next(text: string, depth: number, range: { readonly start: number; readonly end: number }, lines: LineIndex, slugger: GithubSlugger): OutlineHeading {
    return new OutlineHeading(text, depth, range, lines, slugger.slug(text));
  }

  /** A heading read back (from the parse cache), at offsets into `lines`. */
  static of({ text, slug, depth, range }: Heading, lines: LineIndex): OutlineHeading {
    return new OutlineHeading(text, depth, { start: range.start.offset, end: range.end.offset }, lines, slug);
  }

  constructor(text: string, depth: number, range: { readonly start: number; readonly end: number }, lines: LineIndex, slug: string) {
    this.#lines = lines;
    this.text = text;
    this.depth = depth;
    this.startOffset = range.start;
    this.endOffset = Math.max(range.start, range.end); // as LineIndex.range keeps it
    this.repeatedSlug = slug === plainSlug(text) ? undefined : slug;
  }

  get slug(): string {
    return this.repeatedSlug ?? plainSlug(this.text);
  }

  get range(): SourceRange {
    return this.#lines.range(this.startOffset, this.endOffset);
  }

  /** Written as any heading is: text, slug, depth and range. */
  toJSON(): { text: string; slug: string; depth: number; range: { start: SourcePosition; end: SourcePosition } } {
    const { start, end } = this.range;
    return { text: this.text, slug: this.slug, depth: this.depth, range: { start, end } };
  }
}
