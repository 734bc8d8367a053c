import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkChange } from '../../src/core/change/checkChange.js';
import type { ChangeReview } from '../../src/core/change/reviewChange.js';
import { TODAY } from './repository.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Clausemark Tests',
  GIT_AUTHOR_EMAIL: 'tests@clausemark.invalid',
  GIT_COMMITTER_NAME: 'Clausemark Tests',
  GIT_COMMITTER_EMAIL: 'tests@clausemark.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

/** Runs git in `cwd` and returns its trimmed output; throws with git's message when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], {
    cwd,
    encoding: 'utf8',
    env: GIT_ENV,
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** A real git repository in a temporary folder, for tests that need history. */
export class GitRepository {
  private constructor(readonly root: string) {}

  /** `git init` with the files committed as the first commit on `main`. */
  static create(files: Record<string, string>, message = 'base'): GitRepository {
    const root = mkdtempSync(join(tmpdir(), 'clausemark-git-'));
    git(root, 'init', '--quiet');
    const repository = new GitRepository(root);
    repository.write(files);
    repository.commit(message);
    return repository;
  }

  /** Writes (or, for `undefined`, deletes) files in the working tree. */
  write(files: Record<string, string | undefined>): this {
    for (const [path, text] of Object.entries(files)) {
      const absolute = join(this.root, path);
      if (text === undefined) rmSync(absolute, { force: true });
      else {
        mkdirSync(join(absolute, '..'), { recursive: true });
        writeFileSync(absolute, text);
      }
    }
    return this;
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string {
    git(this.root, 'add', '-A');
    git(this.root, 'commit', '--quiet', '--allow-empty', '-m', message);
    return git(this.root, 'rev-parse', 'HEAD');
  }

  branch(name: string): this {
    git(this.root, 'checkout', '--quiet', '-b', name);
    return this;
  }

  git(...args: string[]): string {
    return git(this.root, ...args);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Commits `base` on main and `head` on a branch, then reviews the branch against main; remove the repository after. */
export async function reviewOf(
  base: Record<string, string>,
  head: Record<string, string | undefined>,
): Promise<{ review: ChangeReview; repository: GitRepository }> {
  const repository = GitRepository.create(base);
  repository.branch('change');
  repository.write(head);
  repository.commit('change');
  const outcome = await checkChange({ cwd: repository.root, base: 'main', now: () => TODAY });
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => `${problem.file}: ${problem.message}`).join('; '));
  return { review: outcome.review, repository };
}
