import type { GitRunner } from './blobReader.js';
import { runGit } from './runGit.js';

/** Lines of a file that are new or changed on the head, as 1-based inclusive ranges. */
export type LineRanges = readonly (readonly [number, number])[];

/** What changed between the base commit and the head (a commit, or the working tree with untracked files). */
export interface GitChanges {
  /** Paths relative to the git top folder that differ, were added or were deleted. */
  readonly files: ReadonlySet<string>;
  /** Added or changed lines per path on the head side; a new file has all its lines here. */
  readonly lines: ReadonlyMap<string, LineRanges>;
}

const DIFF_OPTIONS = ['--no-renames', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/'];

/** Lists the changes from `base` to `head`, or to the working tree when `head` is undefined. */
export async function gitChanges(gitRoot: string, base: string, head?: string, run: GitRunner = runGit): Promise<GitChanges | { readonly error: string }> {
  const revisions = head === undefined ? [base] : [base, head];
  const names = await run(gitRoot, ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', ...DIFF_OPTIONS, ...revisions, '--']);
  if (!names.ok) return { error: names.message };
  // Deleted files add no line, and their removed text (a base blob of any size) is not worth reading: `d` leaves them out.
  const patch = await run(gitRoot, ['-c', 'core.quotePath=false', 'diff', '-U0', '--diff-filter=d', ...DIFF_OPTIONS, ...revisions, '--']);
  if (!patch.ok) return { error: patch.message };
  const files = new Set(splitNul(names.stdout));
  const lines = new Map(parseAddedLines(patch.stdout.toString('utf8')));
  if (head === undefined) {
    // Files not yet added to git are part of the working tree's change too.
    const untracked = await run(gitRoot, ['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard', '-z']);
    if (untracked.ok) {
      for (const path of splitNul(untracked.stdout)) {
        files.add(path);
        lines.set(path, [[1, Number.MAX_SAFE_INTEGER]]);
      }
    }
  }
  return { files, lines };
}

function splitNul(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '');
}

/**
 * Reads the `+++ b/path` and `@@ -a,b +c,d @@` lines of a zero-context unified diff. A hunk's body is skipped
 * by its line counts, never by its look: an added line `++ b/x.md` is printed `+++ b/x.md`, like a file header.
 */
export function parseAddedLines(patch: string): Map<string, LineRanges> {
  const result = new Map<string, [number, number][]>();
  let current: [number, number][] | undefined;
  // Lines of the current hunk's body still to come, on the old side and the new side.
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    // A line that no hunk body can hold ends the hunk, whatever its counts said.
    if (line.startsWith('diff ')) oldLeft = newLeft = 0;
    const marker = line.charAt(0);
    if (marker === '-' && oldLeft > 0) {
      oldLeft--;
      continue;
    }
    if (marker === '+' && newLeft > 0) {
      newLeft--;
      continue;
    }
    if (marker === ' ' && oldLeft > 0 && newLeft > 0) {
      oldLeft--;
      newLeft--;
      continue;
    }
    // `\ No newline at end of file` belongs to neither side.
    if (marker === '\\') continue;
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      const path = target === '/dev/null' ? undefined : unquote(target).replace(/^b\//, '');
      current = path === undefined ? undefined : [];
      if (path !== undefined && current) result.set(path, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      const start = Number(hunk[2]);
      const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLeft = count;
      if (count > 0 && current) current.push([start, start + count - 1]);
    }
  }
  return result;
}

/** Git quotes paths with unusual characters C-style (`"b/a\tb.md"`). */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Whether a 1-based line lies within the ranges. */
export function touchesLines(ranges: LineRanges | undefined, startLine: number, endLine: number = startLine): boolean {
  return (ranges ?? []).some(([from, to]) => from <= endLine && startLine <= to);
}
