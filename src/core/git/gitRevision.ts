import { runGit } from './runGit.js';

/** A commit that could be read, or why not, in words a CI log reader can act on. */
export type RevisionResult = { readonly ok: true; readonly commit: string; readonly gitRoot: string } | { readonly ok: false; readonly message: string };

/** The top folder of the git work tree that contains `folder`, or undefined outside one. */
export async function gitTopLevel(folder: string): Promise<string | undefined> {
  const result = await runGit(folder, ['rev-parse', '--show-toplevel']);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}

/**
 * Resolves `ref` (a branch, tag, `origin/main`, a sha) to a commit of the repository at `folder`. A ref that
 * looks like an option is refused before git sees it; in a shallow clone the message says how to fetch the base.
 */
export async function resolveCommit(folder: string, ref: string): Promise<RevisionResult> {
  if (ref === '' || ref.startsWith('-') || /[\s\0]/.test(ref)) return { ok: false, message: `\`${ref}\` is not a git revision` };
  const gitRoot = await gitTopLevel(folder);
  if (gitRoot === undefined) return { ok: false, message: `${folder} is not inside a git repository, so there is no base revision to compare with` };
  const verified = await runGit(gitRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (verified.ok) return { ok: true, commit: verified.stdout.toString('utf8').trim(), gitRoot };
  const shallow = await runGit(gitRoot, ['rev-parse', '--is-shallow-repository']);
  const isShallow = shallow.ok && shallow.stdout.toString('utf8').trim() === 'true';
  const hint = isShallow
    ? `this is a shallow clone that does not contain it; fetch it first, e.g. \`git fetch --depth=1 origin ${ref.replace(/^origin\//, '')}\` (or use actions/checkout with fetch-depth: 0)`
    : 'check the name, or fetch it (`git fetch origin <branch>`)';
  return { ok: false, message: `the base revision \`${ref}\` cannot be read: ${hint}` };
}

/** The commit HEAD points at and whether tracked files differ from it; undefined outside git or before the first commit. */
export async function describeHead(folder: string): Promise<{ readonly commit: string; readonly dirty: boolean } | undefined> {
  const head = await runGit(folder, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.ok) return undefined;
  const status = await runGit(folder, ['status', '--porcelain', '--untracked-files=no']);
  return { commit: head.stdout.toString('utf8').trim(), dirty: status.ok && status.stdout.length > 0 };
}
