// Only Node built-ins here: the replay (replay.ts) needs the key before the checker is loaded.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The secret this machine signs its caches with, kept in the user's cache folder (created on first use), the one
 * thing Clausemark keeps outside the repository. The caches live in the repository, where a pull request could add
 * crafted ones; a cache not signed with this key is discarded, so it can never hide a finding or replay a forged
 * answer. Undefined (no cache) when the key cannot be kept.
 */
export function localCacheKey(env: Readonly<Record<string, string | undefined>>): Buffer | undefined {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  const file = join(base, 'clausemark', 'cache-key');
  const existing = readKey(file);
  if (existing) return existing;
  try {
    mkdirSync(join(base, 'clausemark'), { recursive: true, mode: 0o700 });
    // `wx`: when two runs race, the second keeps the first one's key.
    writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
  } catch {
    // another run wrote it, or the folder is not writable
  }
  return readKey(file);
}

function readKey(file: string): Buffer | undefined {
  try {
    const key = readFileSync(file);
    return key.byteLength >= 32 ? key : undefined;
  } catch {
    return undefined;
  }
}
