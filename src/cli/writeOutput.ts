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
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${output} already exists; it was left as it is (use --force to replace it)`);
    }
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
