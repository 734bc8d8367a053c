import { parseArgs } from 'node:util';
import {
  buildChangeJson,
  buildJsonReport,
  changeSummaryText,
  isAtLeast,
  renderChangeGithub,
  renderChangeMarkdown,
  renderGithub,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderText,
  reviewForCatalog,
  type Finding,
  type ReportInput,
  type Severity,
} from '../../core/index.js';
import { appendJobSummary } from '../jobSummary.js';
import { runChangeCheck } from '../runChangeCheck.js';
import { TOOL_VERSION } from '../toolVersion.js';
import { wantsColor, type CliIo } from '../cliIo.js';
import { checkoutPathPrefix, reportInputFor } from '../reportInputFor.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { UsageError } from '../usageError.js';
import { writeOutput } from '../writeOutput.js';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit'] as const;
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'never'] as const;
const FORMATS = CHECK_FORMATS;
const FAIL_ON = FAIL_ON_LEVELS;

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
  --catalog ALIAS      with several catalogs: report the coverage (with --base, the coverage
                       delta) of this one only (default: each)
  --no-cache           read every file afresh and leave no cache behind
  --base REF           review a change: also check the git revision REF (read from git, the
                       working tree is not touched) and report only findings that are new,
                       with the coverage delta, document control and links to re-review
  --head REF           with --base: check the revision REF instead of the working tree
  --all                with --base: report every finding, each marked new or unchanged
  -h, --help           show this help

With --base, github writes annotations for new findings on changed lines and, when
GITHUB_STEP_SUMMARY is set, appends the change summary to the job summary.
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
      base: { type: 'string' },
      head: { type: 'string' },
      all: { type: 'boolean', default: false },
      catalog: { type: 'string' },
    },
  });
  if (values.help) {
    io.writeStdout(CHECK_USAGE);
    return 0;
  }
  const format = oneOf('--format', values.format, FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON);
  if (values.base !== undefined) return changeCheck(io, { ...values, base: values.base, format, failOn }, positionals);
  if (values.head !== undefined || values.all) throw new UsageError('--head and --all only work together with --base REF');
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;

  const input = reportInputFor(result, values.catalog);
  const pathPrefix = format === 'sarif' || format === 'github' ? await checkoutPathPrefix(result.project.root) : '';
  const renderers: Record<(typeof FORMATS)[number], () => string> = {
    text: () => renderText(input, { color: values.output === undefined && wantsColor(io) }),
    json: () => renderJson(input),
    sarif: () => renderSarif(input, { pathPrefix }),
    github: () => renderGithub(input, { pathPrefix }),
    markdown: () => renderMarkdown(input),
    junit: () => renderJunit(input),
  };
  await writeOutput(io, values.output, renderers[format](), values.force, result.project.root);
  return exitCodeFor(result.findings, failOn);
}

function exitCodeFor(findings: readonly Finding[], failOn: (typeof FAIL_ON)[number]): number {
  if (failOn === 'never') return 0;
  const threshold: Severity = failOn;
  return findings.some((finding) => isAtLeast(finding.severity, threshold)) ? 1 : 0;
}

interface ChangeCheckValues {
  readonly base: string;
  readonly head?: string;
  readonly all?: boolean;
  readonly config?: string;
  readonly today?: string;
  readonly output?: string;
  readonly 'no-cache'?: boolean;
  readonly force?: boolean;
  /** `--catalog ALIAS`: that catalog's coverage and delta only. */
  readonly catalog?: string;
  readonly format: (typeof FORMATS)[number];
  readonly failOn: (typeof FAIL_ON)[number];
}

/** `check --base REF`: both sides checked, then only what the change introduced (or all, marked). */
export async function changeCheck(io: CliIo, values: ChangeCheckValues, paths: readonly string[]): Promise<number> {
  const checked = await runChangeCheck(io, {
    paths,
    base: values.base,
    ...(values.head !== undefined ? { head: values.head } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    useCache: values['no-cache'] !== true,
    ...(values.today !== undefined ? { today: values.today } : {}),
  });
  if (typeof checked === 'number') return checked;
  // reportInputFor rejects an alias the project has not, with the plain check's usage error.
  const shown = reportInputFor(checked.head.result, values.catalog);
  const review = values.catalog === undefined ? checked : reviewForCatalog(checked, values.catalog)!;
  const findings = values.all ? review.findings : review.newFindings;
  const input: ReportInput = { ...shown, findings, baseline: review.states };
  const pathPrefix =
    values.format === 'sarif' || values.format === 'github' || values.format === 'markdown' ? await checkoutPathPrefix(review.head.result.project.root) : '';
  const summary = (): string => renderChangeMarkdown(review, { toolVersion: TOOL_VERSION, pathPrefix });
  const renderers: Record<(typeof FORMATS)[number], () => string> = {
    text: () => `${renderText(input, { color: values.output === undefined && wantsColor(io) })}${changeSummaryText(review)}`,
    json: () => `${JSON.stringify({ ...buildJsonReport(input), change: buildChangeJson(review) }, null, 2)}\n`,
    sarif: () => renderSarif(input, { pathPrefix }),
    github: () => renderChangeGithub(review, input, { pathPrefix }),
    markdown: summary,
    junit: () => renderJunit(input),
  };
  await writeOutput(io, values.output, renderers[values.format](), values.force, review.head.result.project.root);
  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (values.format === 'github' && stepSummary !== undefined && stepSummary !== '') await appendJobSummary(stepSummary, summary());
  return exitCodeFor(findings, values.failOn);
}

export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}${value !== undefined ? `, not \`${value}\`` : ''}`);
}
