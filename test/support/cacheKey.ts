import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signEntries } from '../../src/core/index/signedCacheFile.js';

/** A cache home (`XDG_CACHE_HOME`) holding a known cache key, so a test can sign caches as this machine would. */
export function testCacheHome(): { home: string; key: Buffer } {
  const home = mkdtempSync(join(tmpdir(), 'clausemark-cache-home-'));
  const key = randomBytes(32);
  mkdirSync(join(home, 'clausemark'));
  writeFileSync(join(home, 'clausemark', 'cache-key'), key);
  return { home, key };
}

type Entry = Record<string, unknown>;

/** Rewrites the entries of a signed results file and signs them again with `key`. */
export function resignResults(file: string, key: Buffer, change: (entries: Entry[]) => Entry[]): void {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { format: string; entries: string };
  const entries = JSON.stringify(change(JSON.parse(stored.entries) as Entry[]));
  writeFileSync(file, JSON.stringify({ format: stored.format, signature: signEntries(key, stored.format, entries), entries }));
}
