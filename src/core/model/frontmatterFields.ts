import { OffsetRange, type LineIndex } from '../text/lineIndex.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { FrontmatterField } from './smsDocument.js';

/**
 * A document's frontmatter fields, read like a `Map` of name to field. An index of 10,000 documents holds one
 * per document and a field per key: a `Map` with an object and a range per key was the largest part of the
 * index (5.6 MB more live heap after reading the bench's 10,000 documents than this). This keeps names, keys and key offsets in flat arrays and makes each field object
 * when it is asked for (rules ask for a few fields of a document, once).
 */
export class FrontmatterFields implements ReadonlyMap<string, FrontmatterField> {
  readonly #lines: LineIndex;
  // Own fields, so that `deepEqual` tells two documents' fields apart (it compares own properties).
  readonly names: readonly string[];
  /** The key as written, where it differs from the name (`fields` in clausemark.json maps it). */
  readonly writtenKeys: readonly string[];
  /** Start and end offset of each key, two numbers per field; -1 where the range is kept in `ranges`. */
  readonly offsets: readonly number[];
  /** Ranges that are not offsets into this file's line index (none from a parse; kept so nothing is lost). */
  readonly ranges: ReadonlyMap<number, SourceRange> | undefined;
  readonly malformed: ReadonlySet<string> | undefined;

  constructor(fields: Iterable<readonly [string, FrontmatterField]>, lines: LineIndex) {
    this.#lines = lines;
    const names: string[] = [];
    const keys: string[] = [];
    const offsets: number[] = [];
    let ranges: Map<number, SourceRange> | undefined;
    let malformed: Set<string> | undefined;
    for (const [name, field] of fields) {
      const { keyRange } = field;
      if (keyRange instanceof OffsetRange && keyRange.isIn(lines)) offsets.push(keyRange.startOffset, keyRange.endOffset);
      else {
        offsets.push(-1, -1);
        (ranges ??= new Map()).set(names.length, keyRange);
      }
      names.push(name);
      keys.push(field.key);
      if (field.malformed) (malformed ??= new Set()).add(name);
    }
    this.names = names;
    this.writtenKeys = keys;
    this.offsets = offsets;
    this.ranges = ranges;
    this.malformed = malformed;
  }

  get size(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  get(name: string): FrontmatterField | undefined {
    const index = this.names.indexOf(name);
    return index === -1 ? undefined : this.fieldAt(index);
  }

  *entries(): MapIterator<[string, FrontmatterField]> {
    for (let index = 0; index < this.names.length; index++) yield [this.names[index]!, this.fieldAt(index)];
  }

  *keys(): MapIterator<string> {
    yield* this.names;
  }

  *values(): MapIterator<FrontmatterField> {
    for (let index = 0; index < this.names.length; index++) yield this.fieldAt(index);
  }

  [Symbol.iterator](): MapIterator<[string, FrontmatterField]> {
    return this.entries();
  }

  forEach(callback: (value: FrontmatterField, key: string, map: ReadonlyMap<string, FrontmatterField>) => void, thisArg?: unknown): void {
    for (const [name, field] of this.entries()) callback.call(thisArg, field, name, this);
  }

  private fieldAt(index: number): FrontmatterField {
    const name = this.names[index]!;
    const start = this.offsets[2 * index]!;
    const keyRange = start === -1 ? this.ranges!.get(index)! : this.#lines.range(start, this.offsets[2 * index + 1]!);
    return { key: this.writtenKeys[index]!, keyRange, ...(this.malformed?.has(name) ? { malformed: true as const } : {}) };
  }
}
