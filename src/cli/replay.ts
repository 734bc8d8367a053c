// Only Node built-ins (and core modules made of them) here (see resultCache.ts): this runs before the checker is loaded.
import { resolve } from 'node:path';
// Deep imports on purpose: a replayed run must not load the checker (see bin/clausemark.js).
import { writeFileSafely } from '../core/workspace/safeFiles.js';
import { localCacheKey } from './cacheKey.js';
import { processIo } from './cliIo.js';
import { lookUpRun, runKey, toolBuildId } from './resultCache.js';

/** Options whose next argument is their value, so it is not taken for a path. */
const VALUED = new Set(['--config', '--format', '--output', '-o', '--fail-on', '--today', '--base', '--head', '--catalog']);

/** What the cache needs to know of a command line, or undefined when the command is not replayable. */
export function replayableRun(argv: readonly string[], cwd: string): { start: string; day: string; output: string | undefined; force: boolean } | undefined {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'coverage') return undefined;
  let today: string | undefined;
  let output: string | undefined;
  let force = false;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i] ?? '';
    const [name, inline] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    // Reviews against git and help are never replayed; --no-cache asks for a fresh check.
    if (['--no-cache', '--base', '--head', '--all', '-h', '--help'].includes(name)) return undefined;
    if (VALUED.has(name)) {
      const value = inline ?? rest[++i];
      if (name === '--today') today = value;
      if (name === '--output' || name === '-o') output = value === undefined ? undefined : resolve(cwd, value);
    } else if (name === '--force') {
      force = true;
    } else if (!argument.startsWith('-')) {
      paths.push(argument);
    }
  }
  return { start: resolve(cwd, paths[0] ?? '.'), day: today ?? new Date().toISOString().slice(0, 10), output, force };
}

export function replayKey(argv: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean, day: string): string {
  return runKey(argv, cwd, env, stdoutIsTTY, toolBuildId(), day);
}

/**
 * Prints the stored answer to this exact command when this machine recorded it (the results file is signed with
 * the local cache key) and nothing under its repository changed since, and returns its exit code; undefined means
 * "run the check". An `--output` report is written where the current command line says, through the same safe
 * write as a run (no link followed, an existing file replaced only with --force).
 */
export function replay(argv: readonly string[]): number | undefined {
  if (process.env.CLAUSEMARK_NO_REPLAY) return undefined;
  const cwd = process.cwd();
  const run = replayableRun(argv, cwd);
  const signingKey = run && localCacheKey(process.env);
  if (!run || !signingKey) return undefined;
  const io = processIo();
  const found = lookUpRun(run.start, replayKey(argv, cwd, process.env, io.stdoutIsTTY, run.day), signingKey);
  if (!found) return undefined;
  const { stored, root } = found;
  if ((run.output === undefined) !== (stored.outputContent === undefined)) return undefined;
  if (run.output !== undefined && stored.outputContent !== undefined) {
    try {
      writeFileSafely(run.output, stored.outputContent, { root, replace: run.force });
    } catch {
      return undefined; // an existing report without --force, or a refused path: the real run says so
    }
  }
  io.writeStdout(stored.stdout);
  io.writeStderr(stored.stderr);
  return stored.exitCode;
}
