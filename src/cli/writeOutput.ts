import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIo } from './cliIo.js';
import { UsageError } from './usageError.js';

/** Writes a report to `--output` (creating its folder) or to stdout. */
export async function writeOutput(io: CliIo, output: string | undefined, text: string): Promise<void> {
  if (output === undefined) {
    io.writeStdout(text);
    return;
  }
  const target = resolve(io.cwd, output);
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
