import { constants, promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG } from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { UsageError } from '../usageError.js';
import { writeNewFile } from '../writeOutput.js';

export const INIT_USAGE = `Usage: clausemark init [folder] [--force]

Writes a starter clausemark.json into the folder (default: here). An existing file is never
replaced unless --force is given.
`;

export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.writeStdout(INIT_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('init takes at most one folder');
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  const target = join(folder, CONFIG_FILE_NAME);
  const starter = {
    catalog: DEFAULT_CONFIG.catalog,
    smsFolders: await guessSmsFolders(folder),
    reviewWarningDays: DEFAULT_CONFIG.reviewWarningDays,
    evidenceMaxAgeDays: DEFAULT_CONFIG.evidenceMaxAgeDays,
    rules: {},
  };
  if (!(await writeNewFile(io, target, `${JSON.stringify(starter, null, 2)}\n`, values.force, folder))) return 2;
  io.writeStdout(`Wrote ${target}\nNext: put your SMS documents under ${starter.smsFolders.join(', ')} and run \`clausemark check\`.\n`);
  return 0;
}

async function guessSmsFolders(folder: string): Promise<string[]> {
  for (const candidate of ['sms', 'docs/sms', 'isms', 'policies']) {
    try {
      await fs.access(join(folder, candidate), constants.F_OK);
      return [`${candidate}/**`];
    } catch {
      // not there; try the next
    }
  }
  return [...DEFAULT_CONFIG.smsFolders];
}
