import { dirname, join } from 'node:path';
import type { ReadResult } from '../document/readSmsDocument.js';
import { FrontmatterFields } from '../model/frontmatterFields.js';
import { OutlineHeading } from '../model/outlineHeading.js';
import type { FrontmatterField, Heading, SmsDocument } from '../model/smsDocument.js';
import { LineIndex, OffsetRange } from '../text/lineIndex.js';
import type { SourcePosition, SourceRange } from '../text/sourceRange.js';
import type { DocumentCache } from './documentCache.js';
import { readSignedCache, writeSignedCache } from './signedCacheFile.js';

type StoredResult = Omit<ReadResult, 'lines' | 'document'> & { document?: Omit<SmsDocument, 'fields'> & { fields: [string, FrontmatterField][] } };

/** A parse cache bigger than this was not written by Clausemark for any real repository: it is ignored, not read. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * A cache of parse results in one JSON file (the CLI keeps it in `.clausemark-cache/`). Entries are keyed by
 * content hash, and the file by tool version, so a new Clausemark never trusts an old parse. The file is signed
 * with a key that never leaves this machine, so a cache committed to the repository (by a pull request, say)
 * is discarded rather than trusted (see signedCacheFile.ts). Saving writes a temporary file and renames it, so a
 * killed run or two runs at once leave either the old or a whole new cache, never a torn one.
 */
export class FileDocumentCache implements DocumentCache {
  private entries = new Map<string, StoredResult>();
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly format: string,
    private readonly key: Buffer | undefined,
  ) {}

  /**
   * Opens the cache in `folder`, a folder directly in the repository's root. Without a key (none could be kept on
   * this machine) the cache neither loads nor saves anything.
   */
  static async open(folder: string, toolVersion: string, key: Buffer | undefined): Promise<FileDocumentCache> {
    const format = `clausemark-cache-8/${toolVersion}`; // 4: fields keep only the key range; 5: a malformed field is marked; 6: `audit` and `findings`; 7: claims under a catalog alias; 8: read problems, not findings
    const cache = new FileDocumentCache(join(folder, 'documents.json'), dirname(folder), format, key);
    if (!key) return cache;
    const stored = readSignedCache(cache.file, cache.root, format, key, MAX_CACHE_BYTES);
    try {
      const entries: unknown = stored === undefined ? undefined : JSON.parse(stored);
      if (entries && typeof entries === 'object' && !Array.isArray(entries)) cache.entries = new Map(Object.entries(entries as Record<string, StoredResult>));
    } catch {
      // Corrupt: start empty.
    }
    return cache;
  }

  get(hash: string, text: string): ReadResult | undefined {
    const stored = this.entries.get(hash);
    if (!stored) return undefined;
    this.used.add(hash);
    const lines = new LineIndex(text);
    const { document, ...rest } = expandRanges(stored, lines) as StoredResult;
    return {
      ...rest,
      lines,
      ...(document
        ? {
            document: {
              ...document,
              fields: new FrontmatterFields(document.fields, lines),
              headings: document.headings.map((heading) => OutlineHeading.of(heading, lines)),
            },
          }
        : {}),
    };
  }

  set(hash: string, result: ReadResult): void {
    const { lines, document, ...rest } = result;
    const stored = {
      ...rest,
      ...(document ? { document: { ...document, fields: [...document.fields.entries()], headings: document.headings.map(plainHeading) } } : {}),
    };
    this.entries.set(hash, compactRanges(stored, lines) as StoredResult);
    this.used.add(hash);
    this.changed = true;
  }

  /** Writes the entries used in this run (others are dropped, so the cache does not grow without bound). */
  async save(): Promise<void> {
    const unused = [...this.entries.keys()].some((hash) => !this.used.has(hash));
    if (!this.key || (!this.changed && !unused)) return;
    const entries: Record<string, StoredResult> = {};
    for (const hash of this.used) {
      const entry = this.entries.get(hash);
      if (entry) entries[hash] = entry;
    }
    writeSignedCache(this.file, this.root, this.format, this.key, JSON.stringify(entries));
  }
}

/** A heading as data (its slug and range are worked out when read), so the cache stores every part of it. */
function plainHeading({ text, slug, depth, range }: Heading): Heading {
  return { text, slug, depth, range };
}

/** A range stored as its two offsets; positions are rebuilt from the file's text when the entry is used. */
interface StoredRange {
  readonly $r: [number, number];
}

/**
 * Replaces every source range that the line index rebuilds exactly from its offsets by `{ $r: [start, end] }`.
 * Ranges are most of a parse result, and this makes the cache a quarter of the size, so it loads in a quarter
 * of the time; a range the index would not rebuild the same way is kept as it is.
 */
function compactRanges(value: unknown, lines: LineIndex): unknown {
  if (Array.isArray(value)) return value.map((item) => compactRanges(item, lines));
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof OffsetRange) return { $r: [value.startOffset, value.endOffset] } satisfies StoredRange;
  if (isSourceRange(value)) {
    const rebuilt = lines.range(value.start.offset, value.end.offset);
    if (samePosition(rebuilt.start, value.start) && samePosition(rebuilt.end, value.end))
      return { $r: [value.start.offset, value.end.offset] } satisfies StoredRange;
    return value;
  }
  const compacted: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) compacted[key] = compactRanges(item, lines);
  return compacted;
}

function expandRanges(value: unknown, lines: LineIndex): unknown {
  if (Array.isArray(value)) return value.map((item) => expandRanges(item, lines));
  if (value === null || typeof value !== 'object') return value;
  const range = (value as Partial<StoredRange>).$r;
  if (Array.isArray(range)) return lines.range(range[0], range[1]);
  const expanded: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) expanded[key] = expandRanges(item, lines);
  return expanded;
}

function isSourceRange(value: object): value is SourceRange {
  const { start, end } = value as Partial<SourceRange>;
  return Object.keys(value).length === 2 && typeof start?.offset === 'number' && typeof end?.offset === 'number';
}

function samePosition(a: SourcePosition, b: SourcePosition): boolean {
  return a.line === b.line && a.column === b.column && a.offset === b.offset;
}
