import { relative, resolve } from 'node:path';
import { checkRepository, type CheckOptions } from '../check.js';
import { toPosix, type SetupProblem } from '../config/loadProject.js';
import type { DocumentCache } from '../index/documentCache.js';
import { gitChanges, type LineRanges } from '../git/gitChanges.js';
import { resolveCommit } from '../git/gitRevision.js';
import { openGitTree, GitTreeFileSystem } from '../git/gitTreeFileSystem.js';
import { nodeFileSystem } from '../workspace/nodeFileSystem.js';
import { reviewChange, type ChangeReview } from './reviewChange.js';

export interface ChangeCheckOptions extends Pick<CheckOptions, 'paths' | 'configPath' | 'now' | 'onProgress' | 'validateDiagram'> {
  readonly cwd: string;
  /** The base revision (`main`, `origin/main`, a sha). */
  readonly base: string;
  /** The head revision; undefined for the working tree as it is on disk. */
  readonly head?: string;
  /** Opens the parse cache once the root is known; both sides share it (it is keyed by content). */
  readonly cacheFor?: (root: string) => Promise<DocumentCache>;
}

export type ChangeCheckOutcome = { readonly ok: true; readonly review: ChangeReview } | { readonly ok: false; readonly problems: readonly SetupProblem[] };

/**
 * Checks the head (the working tree, or a commit) and the base commit of one repository the same way, then
 * compares them. The base is read from git's object store; the working tree and the index are left alone.
 */
export async function checkChange(options: ChangeCheckOptions): Promise<ChangeCheckOutcome> {
  const where = resolve(options.cwd, options.paths?.[0] ?? '.');
  const folder = (await nodeFileSystem.stat(where))?.kind === 'file' ? resolve(where, '..') : where;
  const baseCommit = await resolveCommit(folder, options.base);
  if (!baseCommit.ok) return problem(folder, baseCommit.message);
  const { gitRoot } = baseCommit;

  let headFs = nodeFileSystem;
  let headCommit: string | undefined;
  if (options.head !== undefined) {
    const resolved = await resolveCommit(folder, options.head);
    if (!resolved.ok) return problem(folder, resolved.message.replace('base revision', 'head revision'));
    headCommit = resolved.commit;
    const tree = await openGitTree(gitRoot, headCommit);
    if (!(tree instanceof GitTreeFileSystem)) return problem(gitRoot, tree.error);
    headFs = tree;
  }
  const baseFs = await openGitTree(gitRoot, baseCommit.commit);
  if (!(baseFs instanceof GitTreeFileSystem)) return problem(gitRoot, baseFs.error);

  let cache: Promise<DocumentCache> | undefined;
  const shared = options.cacheFor ? { cacheFor: (root: string) => (cache ??= options.cacheFor!(root)) } : {};
  const common = {
    cwd: options.cwd,
    ...(options.paths ? { paths: options.paths } : {}),
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.validateDiagram ? { validateDiagram: options.validateDiagram } : {}),
    ...shared,
  };
  const head = await checkRepository({ ...common, fs: headFs, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (!head.ok) return head;
  // The base names files relative to the head's root, and folders the change adds are empty on it.
  baseFs.assumeFolders([head.result.project.root, ...(options.paths ?? ['.']).map((path) => resolve(options.cwd, path))]);
  const base = await checkRepository({ ...common, fs: baseFs, fallbackRoot: head.result.project.root });
  if (!base.ok) return { ok: false, problems: base.problems.map((item) => ({ ...item, message: `on the base revision ${options.base}: ${item.message}` })) };

  const changes = await gitChanges(gitRoot, baseCommit.commit, headCommit);
  if ('error' in changes) return problem(gitRoot, `git cannot compare ${options.base} with the ${options.head ?? 'working tree'}: ${changes.error}`);
  const root = head.result.project.root;
  const prefix = toPosix(relative(gitRoot, root));
  const toRoot = (path: string): string | undefined => (prefix === '' ? path : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined);
  const changedPaths = new Set([...changes.files].flatMap((path) => toRoot(path) ?? []));
  const changedLines = new Map<string, LineRanges>();
  for (const [path, ranges] of changes.lines) {
    const inside = toRoot(path);
    if (inside !== undefined) changedLines.set(inside, ranges);
  }
  const review = await reviewChange({
    base: { result: base.result, fs: baseFs, ref: options.base, commit: baseCommit.commit },
    head: {
      result: head.result,
      fs: headFs,
      ...(options.head !== undefined ? { ref: options.head } : {}),
      ...(headCommit !== undefined ? { commit: headCommit } : {}),
    },
    changedPaths,
    changedLines,
  });
  return { ok: true, review };
}

function problem(file: string, message: string): ChangeCheckOutcome {
  return { ok: false, problems: [{ file, message }] };
}
