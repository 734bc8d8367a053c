import { parseArgs } from 'node:util';
import {
  assessReadiness,
  parseIsoDate,
  renderReadinessHtml,
  renderReadinessJson,
  renderReadinessMarkdown,
  renderReadinessText,
  resolveTarget,
  type ReadinessTarget,
} from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { TOOL_VERSION } from '../toolVersion.js';
import { UsageError } from '../usageError.js';
import { writeOutput } from '../writeOutput.js';
import { oneOf } from './checkCommand.js';

const FORMATS = ['text', 'markdown', 'json', 'html'] as const;
const KINDS = ['next', 'stage1', 'stage2', 'surveillance', 'recertification'] as const;

export const READINESS_USAGE = `Usage: clausemark readiness [path] [--for next|stage1|stage2|surveillance|recertification|YYYY-MM-DD] [options]

Judges the SMS as of an audit's day (the next planned external audit by default, from \`certification\`
in clausemark.json): documents whose next_review falls before it, evidence stale by then,
nonconformities open or overdue by then, clauses not internally audited within the window, the last
management review, and for Stage 1 the mandatory documented information present or missing.

Exit codes: 0 nothing blocks, 1 something does, 2 usage, config or catalog error.

Options:
  --for AUDIT          next (default), a kind of planned audit (its next one), or a day YYYY-MM-DD
  --format FORMAT      text (default), markdown, json or html
  --output FILE        write to FILE instead of the terminal (never replaced without --force)
  --force              replace FILE if it exists
  --config FILE        use this clausemark.json instead of looking upwards for one
  --today YYYY-MM-DD   judge as if today were this day
  --no-cache           read every file afresh
  -h, --help           show this help
`;

export async function readinessCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...CHECK_OPTIONS, format: { type: 'string', default: 'text' }, for: { type: 'string', default: 'next' } },
  });
  if (values.help) {
    io.writeStdout(READINESS_USAGE);
    return 0;
  }
  const format = oneOf('--format', values.format, FORMATS);
  const target = targetOf(values.for);
  if (positionals.length > 1) throw new UsageError('readiness takes at most one path (the repository)');
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;
  const { project, index } = result;
  const audit = resolveTarget(project.config, result.today, target);
  if (typeof audit === 'string') throw new UsageError(audit);
  const report = assessReadiness(
    {
      documents: index.documents(),
      catalog: project.catalog,
      config: project.config,
      coverage: result.coverage,
      otherCatalogs: result.catalogs.slice(1),
      today: result.today,
    },
    audit,
  );
  const text =
    format === 'json'
      ? renderReadinessJson(report)
      : format === 'markdown'
        ? renderReadinessMarkdown(report)
        : format === 'html'
          ? renderReadinessHtml(report, TOOL_VERSION)
          : renderReadinessText(report);
  await writeOutput(io, values.output, text, values.force, project.root);
  return report.verdict === 'ready' ? 0 : 1;
}

function targetOf(value: string | undefined): ReadinessTarget {
  if (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = parseIsoDate(value);
    if (day === undefined) throw new UsageError(`--for \`${value}\` is not a calendar date`);
    return { date: day };
  }
  return oneOf('--for', value, KINDS);
}
