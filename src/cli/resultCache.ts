// Only Node built-ins here: this module decides, before the checker is even loaded, whether the answer
// to this exact command is already known.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** What a finished command printed and returned, to be replayed while nothing it read has changed. */
export interface RecordedRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** A report written with --output: its absolute path and content. */
  readonly outputFile?: { readonly path: string; readonly content: string };
}

interface StoredRun extends RecordedRun {
  readonly key: string;
  readonly root: string;
  readonly fingerprint: string;
}

const FOLDER = '.clausemark-cache';
const FILE = 'results.json';
const FORMAT = 'clausemark-results-1';
const SKIPPED = new Set(['.git', 'node_modules', FOLDER]);
const MAX_ENTRIES = 20;

/**
 * The identity of a command: its arguments, where it runs, what decides colour, the build of Clausemark
 * that answers and the day dates are judged against. Two runs with the same key over unchanged files
 * print the same thing.
 */
export function runKey(argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean, toolBuild: string, day: string): string {
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

/** The recorded result for this key, if one is stored at or above `start` and its files are unchanged. */
export function lookUpRun(start: string, key: string): RecordedRun | undefined {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    const stored = readEntries(join(folder, FOLDER, FILE)).find((entry) => entry.key === key);
    if (stored) {
      // The entry belongs to the repository it was made in, which must contain where we start.
      const inside = relative(stored.root, resolve(start));
      if (inside.startsWith('..')) return undefined;
      return fingerprintTree(stored.root).fingerprint === stored.fingerprint ? stored : undefined;
    }
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
 * that cannot be written only costs speed.
 */
export function recordRun(root: string, key: string, startedMs: number, run: RecordedRun): void {
  try {
    const { fingerprint, newestMs } = fingerprintTree(root);
    // Modification or inode change at or after the start: the check may have read the old content.
    if (newestMs >= startedMs) return;
    const file = join(root, FOLDER, FILE);
    const kept = readEntries(file).filter((entry) => entry.key !== key).slice(-(MAX_ENTRIES - 1));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(join(root, FOLDER, '.gitignore'), '*\n');
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries: [...kept, { ...run, key, root, fingerprint }] }));
    renameSync(temporary, file);
  } catch {
    // read-only checkout or full disk: the next run simply checks again
  }
}

function readEntries(file: string): StoredRun[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; entries?: unknown };
    return parsed.format === FORMAT && Array.isArray(parsed.entries) ? (parsed.entries as StoredRun[]).filter(isStoredRun) : [];
  } catch {
    return [];
  }
}

function isStoredRun(value: unknown): value is StoredRun {
  const entry = value as Partial<StoredRun> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.key === 'string' && typeof entry.root === 'string' && typeof entry.fingerprint === 'string'
    && typeof entry.stdout === 'string' && typeof entry.stderr === 'string' && typeof entry.exitCode === 'number';
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
