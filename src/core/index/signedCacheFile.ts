// Only Node built-ins here: the result cache uses this before the checker is loaded.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { dirname, join } from 'node:path';
import { readRegularFile, writeFileSafely } from '../workspace/safeFiles.js';

/**
 * A cache file in the repository (`.clausemark-cache/…`) that only this machine can have written. The folder is in
 * the repository, where a pull request can commit a crafted file; the file carries an HMAC-SHA256 of its entries
 * made with a key kept outside the repository (see src/cli/cacheKey.ts), and one that does not verify is ignored,
 * so a committed cache can neither hide a finding nor replay a forged answer.
 */
interface CacheFile {
  readonly format: string;
  readonly signature: string;
  /** The entries as a JSON string, so that the signature covers exactly what is parsed. */
  readonly entries: string;
}

export function signEntries(key: Buffer, format: string, entries: string): string {
  return createHmac('sha256', key).update(format).update('\0').update(entries).digest('hex');
}

/**
 * The entries (a JSON string) of a cache file this machine wrote, or undefined when it is missing, refused (a link,
 * not a regular file, over `maxBytes`), of another format, or not signed with `key`.
 */
export function readSignedCache(file: string, root: string, format: string, key: Buffer, maxBytes: number): string | undefined {
  try {
    const bytes = readRegularFile(file, maxBytes, root);
    if (!bytes) return undefined;
    const parsed = JSON.parse(bytes.toString('utf8')) as Partial<CacheFile>;
    if (parsed.format !== format || typeof parsed.entries !== 'string' || typeof parsed.signature !== 'string') return undefined;
    const expected = Buffer.from(signEntries(key, format, parsed.entries), 'hex');
    const given = Buffer.from(parsed.signature, 'hex');
    return given.byteLength === expected.byteLength && timingSafeEqual(given, expected) ? parsed.entries : undefined;
  } catch {
    return undefined; // refused, corrupt or unreadable: start empty
  }
}

/**
 * Writes the signed file (and a `.gitignore` beside it that keeps the folder out of git) through a temporary file
 * and a rename, never through a link. Throws when the folder or a file is refused (a link, say).
 */
export function writeSignedCache(file: string, root: string, format: string, key: Buffer, entries: string): void {
  writeFileSafely(join(dirname(file), '.gitignore'), '*\n', { root, replace: true });
  writeFileSafely(file, JSON.stringify({ format, signature: signEntries(key, format, entries), entries } satisfies CacheFile), { root, replace: true });
}
