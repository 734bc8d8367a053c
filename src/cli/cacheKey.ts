import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './cliIo.js';

/**
 * The secret this machine signs its caches with, kept in the user's cache folder (created on first use).
 * The cache lives in the repository, where a pull request could add a crafted one; a cache not signed with
 * this key is discarded, so it can never hide a finding. Undefined (no cache) when the key cannot be kept.
 */
export async function localCacheKey(io: CliIo): Promise<Buffer | undefined> {
  const base = io.env.XDG_CACHE_HOME || join(io.env.HOME || homedir(), '.cache');
  const file = join(base, 'clausemark', 'cache-key');
  try {
    const existing = await fs.readFile(file);
    if (existing.byteLength >= 32) return existing;
  } catch {
    // not there yet
  }
  try {
    await fs.mkdir(join(base, 'clausemark'), { recursive: true, mode: 0o700 });
    // `wx`: when two runs race, the second keeps the first one's key.
    await fs.writeFile(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
  } catch {
    // another run wrote it, or the folder is not writable
  }
  try {
    const key = await fs.readFile(file);
    return key.byteLength >= 32 ? key : undefined;
  } catch {
    return undefined;
  }
}
