import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderXlsx, workbookOfCheck } from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { reportInputFor } from '../reportInputFor.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { UsageError } from '../usageError.js';
import { writeNewFile } from '../writeOutput.js';
import { oneOf } from './checkCommand.js';

const FORMATS = ['xlsx'] as const;

export const EXPORT_USAGE = `Usage: clausemark export [path] --format xlsx --output FILE [options]

Writes the registers as one workbook: coverage (clause, title, state and reasons, documents,
evidence), the document register (with approval, next review and whether it is overdue), the
evidence register and the findings, one sheet each. Header rows are frozen and filtered, dates
are dates, and text from documents is always text, never a formula.

Options:
  --format FORMAT      xlsx (the only format so far)
  --output FILE        the workbook to write (required)
  --force              replace FILE if it exists (it is never replaced otherwise)
  --config FILE        use this clausemark.json instead of looking upwards for one
  --today YYYY-MM-DD   judge review and evidence dates as of this day
  --no-cache           read every file afresh
  -h, --help           show this help
`;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...CHECK_OPTIONS, format: { type: 'string', default: 'xlsx' } },
  });
  if (values.help) {
    io.writeStdout(EXPORT_USAGE);
    return 0;
  }
  oneOf('--format', values.format, FORMATS);
  if (values.output === undefined) throw new UsageError('--output FILE is required: a workbook is not written to the terminal');
  if (positionals.length > 1) throw new UsageError('export takes at most one path (the repository)');
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;
  const input = reportInputFor(result);
  const workbook = await renderXlsx(workbookOfCheck(result, input), { toolVersion: input.toolVersion, created: input.today });
  const target = resolve(io.cwd, values.output);
  if (!(await writeNewFile(io, target, workbook, values.force, result.project.root))) return 2;
  io.writeStdout(`Wrote ${target}\n`);
  return 0;
}
