import { parseArgs } from 'node:util';
import { isAtLeast, type Severity } from '../../core/model/severity.js';
import { renderGithub, renderJson, renderJunit, renderMarkdown, renderSarif, renderText } from '../../core/reports/index.js';
import { wantsColor, type CliIo } from '../cliIo.js';
import { checkoutPathPrefix, reportInputFor } from '../reportInputFor.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { UsageError } from '../usageError.js';
import { writeOutput } from '../writeOutput.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

export const CHECK_USAGE = `Usage: clausemark check [paths…] [options]

Checks the SMS documents of the repository (found from the first path, default: here) and reports
findings in the given paths plus coverage of the catalog.

Options:
  --config FILE        use this clausemark.json instead of looking upwards for one
  --format FORMAT      text (default), json, sarif, github, markdown or junit
  --output FILE        write the report to FILE instead of standard output
  --force              replace the --output file if it exists
  --fail-on LEVEL      exit 1 when a finding is at or above LEVEL: error (default), warning, info, never
  --today YYYY-MM-DD   judge review and evidence dates as of this day (default: today, UTC)
  --no-cache           read every file afresh and leave no cache behind
  -h, --help           show this help
`;

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CHECK_OPTIONS,
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
    },
  });
  if (values.help) {
    io.writeStdout(CHECK_USAGE);
    return 0;
  }
  const format = oneOf('--format', values.format, FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON);
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;

  const input = reportInputFor(result);
  const pathPrefix = format === 'sarif' || format === 'github' ? await checkoutPathPrefix(result.project.root) : '';
  const renderers: Record<(typeof FORMATS)[number], () => string> = {
    text: () => renderText(input, { color: values.output === undefined && wantsColor(io) }),
    json: () => renderJson(input),
    sarif: () => renderSarif(input, { pathPrefix }),
    github: () => renderGithub(input, { pathPrefix }),
    markdown: () => renderMarkdown(input),
    junit: () => renderJunit(input),
  };
  await writeOutput(io, values.output, renderers[format](), values.force);
  if (failOn === 'never') return 0;
  const threshold: Severity = failOn;
  return result.findings.some((finding) => isAtLeast(finding.severity, threshold)) ? 1 : 0;
}

export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}${value !== undefined ? `, not \`${value}\`` : ''}`);
}
