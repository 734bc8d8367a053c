import { parseArgs } from 'node:util';
import type { CliIo } from '../cliIo.js';
import { CHECK_OPTIONS } from '../runCheck.js';
import { UsageError } from '../usageError.js';
import { changeCheck, CHECK_FORMATS, FAIL_ON_LEVELS, oneOf } from './checkCommand.js';

export const DIFF_USAGE = `Usage: clausemark diff <base> [<head>] [options]

What a change does to the SMS: the same as \`clausemark check --base <base> [--head <head>]\`
on the repository here. Without <head>, the working tree is compared with <base>.

Options:
  --format FORMAT      markdown (default: a PR comment), text, json, sarif, github or junit
  --all                report every finding, each marked new or unchanged
  --output FILE        write to FILE instead of standard output
  --fail-on LEVEL      exit 1 on a new finding at or above LEVEL: error (default, as for
                       check --base), warning, info, never
  --catalog ALIAS      with several catalogs: the coverage delta of this one only (default: each)
  --config FILE, --today YYYY-MM-DD, --no-cache   as for check
  -h, --help           show this help
`;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CHECK_OPTIONS,
      format: { type: 'string', default: 'markdown' },
      'fail-on': { type: 'string', default: 'error' },
      all: { type: 'boolean', default: false },
      catalog: { type: 'string' },
    },
  });
  if (values.help) {
    io.writeStdout(DIFF_USAGE);
    return 0;
  }
  const [base, head, ...extra] = positionals;
  if (base === undefined || extra.length > 0) throw new UsageError('diff takes a base revision and, optionally, a head revision');
  const format = oneOf('--format', values.format, CHECK_FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS);
  return changeCheck(io, { ...values, base, ...(head !== undefined ? { head } : {}), format, failOn }, []);
}
