import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIo } from './cliIo.js';
import { UsageError } from './usageError.js';

/** Writes a report to `--output` (creating its folder) or to stdout. An existing file is replaced only with `--force`. */
export async function writeOutput(io: CliIo, output: string | undefined, text: string, force = false): Promise<void> {
  if (output === undefined) {
    io.writeStdout(text);
    return;
  }
  const target = resolve(io.cwd, output);
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    // `wx` fails if the file exists, so a report never silently replaces a file (or one created meanwhile).
    await fs.writeFile(target, text, { flag: force ? 'w' : 'wx' });
    io.wroteOutput?.(target, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${output} already exists; it was left as it is (use --force to replace it)`);
    }
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Writes a file the user asked for, refusing to replace an existing one unless `force`: `wx` fails if the file
 * exists, so a race with another writer cannot clobber it either. Returns false (after saying so) when it exists.
 */
export async function writeNewFile(io: CliIo, target: string, text: string | Uint8Array, force: boolean): Promise<boolean> {
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, text, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.writeStderr(`clausemark: ${target} already exists; it was left as it is (use --force to replace it)\n`);
      return false;
    }
    throw new UsageError(`cannot write ${target}: ${code ?? String(error)}`);
  }
}
