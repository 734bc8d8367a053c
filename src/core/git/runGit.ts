import { execFile } from 'node:child_process';

/** The outcome of one git command: its output, or why it failed (git's own message, trimmed). */
export type GitOutput = { readonly ok: true; readonly stdout: Buffer } | { readonly ok: false; readonly message: string; readonly notInstalled?: boolean };

const MAX_OUTPUT = 512 * 1024 * 1024;

/**
 * Runs git with an argument array (never through a shell), in `cwd`, and returns its raw standard output.
 * The environment pins the language and turns off prompts and pagers, so output is stable and nothing waits
 * for a terminal.
 */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: MAX_OUTPUT,
        env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ ok: true, stdout });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          resolve({ ok: false, message: 'git is not installed or not on the PATH', notInstalled: true });
          return;
        }
        const message =
          stderr
            .toString('utf8')
            .trim()
            .split('\n')
            .filter((line) => line.trim() !== '')
            .pop() ?? error.message;
        resolve({ ok: false, message });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
