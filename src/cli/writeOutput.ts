import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { UnsafePathError, writeFileSafely } from '../core/index.js';
import type { CliIo } from './cliIo.js';
import { UsageError } from './usageError.js';

/**
 * Writes a report to `--output` (creating its folder) or to stdout. An existing file is replaced only with `--force`;
 * nothing is written through a symbolic link in the repository at `root` (see safeFiles.ts).
 */
export async function writeOutput(io: CliIo, output: string | undefined, text: string, force: boolean | undefined, root: string): Promise<void> {
  if (output === undefined) {
    io.writeStdout(text);
    return;
  }
  const target = resolve(io.cwd, output);
  if (!writeUserFile(target, output, text, force === true, root)) throw new UsageError(alreadyThere(output));
  io.wroteOutput?.(target, text);
}

/**
 * Writes a file the user asked for, refusing to replace an existing one unless `force` (a race with another writer
 * cannot clobber it either). Returns false (after saying so) when it exists.
 */
export async function writeNewFile(io: CliIo, target: string, text: string | Uint8Array, force: boolean, root: string): Promise<boolean> {
  if (writeUserFile(target, target, text, force, root)) return true;
  io.writeStderr(`clausemark: ${alreadyThere(target)}\n`);
  return false;
}

/** False when the file exists and `force` is not given; a refused or failed write is a UsageError naming the file as the user wrote it. */
function writeUserFile(target: string, shownAs: string, text: string | Uint8Array, force: boolean, root: string): boolean {
  try {
    writeFileSafely(target, text, { root, replace: force });
    return true;
  } catch (error) {
    if (error instanceof UnsafePathError) throw new UsageError(`cannot write ${shownAs}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new UsageError(`cannot write ${shownAs}: ${code ?? String(error)}`);
  }
}

function alreadyThere(shownAs: string): string {
  return `${shownAs} already exists; it was left as it is (use --force to replace it)`;
}

/**
 * Before a long run: false (after saying so) when `target` exists and `force` is not given, so the work is not
 * done only to be refused. A link counts as existing: it is never written through.
 */
export async function mayWrite(io: CliIo, target: string, force: boolean | undefined): Promise<boolean> {
  if (force) return true;
  try {
    await fs.lstat(target);
  } catch {
    return true;
  }
  io.writeStderr(`clausemark: ${alreadyThere(target)}\n`);
  return false;
}
