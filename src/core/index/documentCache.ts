import type { ReadResult } from '../document/readSmsDocument.js';

/** Parse results kept by content hash, so an unchanged file is not parsed again. */
export interface DocumentCache {
  /** The result for this hash; `text` is the file's text, from which positions are rebuilt. */
  get(hash: string, text: string): ReadResult | undefined;
  set(hash: string, result: ReadResult): void;
}
