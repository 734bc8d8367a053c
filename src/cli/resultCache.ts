// Only Node built-ins (and core modules made of them) here: this module decides, before the checker is even
// loaded, whether the answer to this exact command is already known.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
// Deep imports on purpose: a replayed run must not load the checker (see bin/clausemark.js).
import { CACHE_FOLDER } from '../core/config/clausemarkConfig.js';
import { readSignedCache, writeSignedCache } from '../core/index/signedCacheFile.js';

/** What a finished command printed and returned, to be replayed while nothing it read has changed. */
export interface RecordedRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /**
   * The report written with --output. Only its content is kept: where a replay writes comes from the command line
   * being answered, never from the cache.
   */
  readonly outputContent?: string;
}

interface StoredRun extends RecordedRun {
  readonly key: string;
  readonly fingerprint: string;
}

const FILE = 'results.json';
const FORMAT = 'clausemark-results-2'; // 2: signed; no root and no output path stored
const SKIPPED = new Set(['.git', 'node_modules', CACHE_FOLDER]);
const MAX_ENTRIES = 20;
/** Twenty answers of a few megabytes each at most; a bigger file was not written by Clausemark and is not read. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The identity of a command: its arguments, where it runs, what decides colour, the build of Clausemark
 * that answers and the day dates are judged against. Two runs with the same key over unchanged files
 * print the same thing.
 */
export function runKey(
  argv: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
  toolBuild: string,
  day: string,
): string {
  return JSON.stringify([argv, cwd, env.NO_COLOR ?? null, env.FORCE_COLOR ?? null, env.TERM ?? null, stdoutIsTTY, toolBuild, day]);
}

/**
 * Size, modification time and link target of every file under the root (except .git, node_modules and the
 * cache), so any change a check could see — a document, an evidence file, the config, a symlink — changes it.
 * Returns the newest modification time too, to tell whether something changed while a check ran.
 */
export function fingerprintTree(root: string): { fingerprint: string; newestMs: number } {
  const hash = createHash('sha1');
  let newestMs = 0;
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      hash.update(`unreadable:${folder}\n`);
      return;
    }
    for (const entry of entries) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(folder, entry.name);
      let stats: Stats;
      try {
        stats = lstatSync(path);
      } catch {
        continue; // deleted while walking: the check will not have seen it either
      }
      const name = relative(root, path).split(sep).join('/');
      // A folder's times only mirror its entries (the cache folder appearing, say); the list itself is hashed.
      if (!stats.isDirectory()) newestMs = Math.max(newestMs, stats.mtimeMs, stats.ctimeMs);
      if (stats.isDirectory()) {
        hash.update(`d:${name}\n`);
        walk(path);
      } else if (stats.isSymbolicLink()) {
        // A link's own times do not change when its target does: record the target and what is there now.
        let target = '';
        let targetStats = '';
        try {
          target = readlinkSync(path);
          const followed = statSync(path);
          targetStats = `${followed.size}:${followed.mtimeMs}:${followed.isDirectory() ? 'd' : 'f'}`;
          newestMs = Math.max(newestMs, followed.mtimeMs, followed.ctimeMs);
        } catch {
          targetStats = 'dangling';
        }
        hash.update(`l:${name}:${target}:${targetStats}\n`);
      } else {
        hash.update(`f:${name}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}\n`);
      }
    }
  };
  walk(root);
  return { fingerprint: hash.digest('hex'), newestMs };
}

/**
 * The recorded result for this key, if one is stored at or above `start`, signed with this machine's `signingKey`,
 * and the files of the folder it is stored in are unchanged. That folder is the repository the answer belongs to:
 * nothing in the file says where it applies.
 */
export function lookUpRun(start: string, key: string, signingKey: Buffer): { stored: RecordedRun; root: string } | undefined {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    const stored = readEntries(folder, signingKey).find((entry) => entry.key === key);
    if (stored) return fingerprintTree(folder).fingerprint === stored.fingerprint ? { stored, root: folder } : undefined;
    if (dirname(folder) === folder) return undefined;
    try {
      if (statSync(join(folder, '.git'))) return undefined; // never look outside the repository
    } catch {
      // not a repository root; keep climbing
    }
  }
}

/**
 * Records a finished run for replay, unless a file under the root changed after `startedMs` (the check may
 * have read the old content, so its output could not be trusted for the new one). Never throws: a cache
 * that cannot be written (read-only, or refused because the repository put a link in its way) only costs speed.
 */
export function recordRun(root: string, key: string, startedMs: number, run: RecordedRun, signingKey: Buffer): void {
  try {
    const { fingerprint, newestMs } = fingerprintTree(root);
    // Modification or inode change at or after the start: the check may have read the old content.
    if (newestMs >= startedMs) return;
    const kept = readEntries(root, signingKey)
      .filter((entry) => entry.key !== key)
      .slice(-(MAX_ENTRIES - 1));
    const entry: StoredRun = {
      stdout: run.stdout,
      stderr: run.stderr,
      exitCode: run.exitCode,
      ...(run.outputContent !== undefined ? { outputContent: run.outputContent } : {}),
      key,
      fingerprint,
    };
    writeSignedCache(join(root, CACHE_FOLDER, FILE), root, FORMAT, signingKey, JSON.stringify([...kept, entry]));
  } catch {
    // read-only checkout, full disk, or a link where the cache goes: the next run simply checks again
  }
}

function readEntries(root: string, signingKey: Buffer): StoredRun[] {
  try {
    const entries = readSignedCache(join(root, CACHE_FOLDER, FILE), root, FORMAT, signingKey, MAX_FILE_BYTES);
    const parsed: unknown = entries === undefined ? [] : JSON.parse(entries);
    return Array.isArray(parsed) ? parsed.filter(isStoredRun) : [];
  } catch {
    return [];
  }
}

function isStoredRun(value: unknown): value is StoredRun {
  const entry = value as Partial<StoredRun> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.key === 'string' &&
    typeof entry.fingerprint === 'string' &&
    typeof entry.stdout === 'string' &&
    typeof entry.stderr === 'string' &&
    typeof entry.exitCode === 'number' &&
    (entry.outputContent === undefined || typeof entry.outputContent === 'string')
  );
}

/** Identifies this build of Clausemark: its version and when its compiled files were written. */
export function toolBuildId(): string {
  try {
    const here = new URL(import.meta.url);
    const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', here), 'utf8')) as { version?: string };
    return `${packageJson.version ?? '?'}@${statSync(here).mtimeMs}`;
  } catch {
    return `unknown@${Date.now()}`; // never matches a stored run
  }
}
