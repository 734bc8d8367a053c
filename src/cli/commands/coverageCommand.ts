import { parseArgs } from 'node:util';
import {
  pickCatalogs,
  renderCoverageCsv,
  renderCoverageHtml,
  renderCoverageJson,
  renderCoverageMarkdown,
  renderSoaCsv,
  renderSoaJson,
  renderSoaMarkdown,
  statementOfApplicability,
} from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { reportInputFor } from '../reportInputFor.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { UsageError } from '../usageError.js';
import { writeOutput } from '../writeOutput.js';
import { oneOf } from './checkCommand.js';

const FORMATS = ['markdown', 'json', 'csv', 'html'] as const;

export const COVERAGE_USAGE = `Usage: clausemark coverage [path] [options]

Prints the clause × document × evidence matrix: for every leaf clause of the catalog, its status
(covered, partial, uncovered, excluded), the documents that address it, its evidence and its gaps.

Options:
  --config FILE        use this clausemark.json instead of looking upwards for one
  --format FORMAT      markdown (default), json, csv or html
  --catalog ALIAS      with several catalogs: this one only (default: each, the primary first)
  --soa                the Statement of Applicability of the --catalog (or only) catalog instead:
                       control, applicable, justification, implementing documents, status
                       (markdown, json or csv)
  --output FILE        write to FILE instead of standard output
  --force              replace the --output file if it exists
  --today YYYY-MM-DD   judge evidence dates as of this day
  --no-cache           read every file afresh
  -h, --help           show this help
`;

export async function coverageCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CHECK_OPTIONS,
      format: { type: 'string', default: 'markdown' },
      catalog: { type: 'string' },
      soa: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.writeStdout(COVERAGE_USAGE);
    return 0;
  }
  const format = oneOf('--format', values.format, FORMATS);
  if (positionals.length > 1) throw new UsageError('coverage takes at most one path (the repository)');
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;
  const input = reportInputFor(result, values.catalog);
  if (values.soa) {
    const [picked] = pickCatalogs(result.catalogs, values.catalog ?? result.catalogs[0]?.alias) ?? [];
    if (!picked || (values.catalog === undefined && result.catalogs.length > 1))
      throw new UsageError('--soa needs --catalog ALIAS when the project has several catalogs');
    if (format === 'html') throw new UsageError('--soa writes markdown, json or csv');
    const soa = statementOfApplicability(picked, result.project.config.applicability);
    const soaText = format === 'json' ? renderSoaJson(soa) : format === 'csv' ? renderSoaCsv(soa) : renderSoaMarkdown(soa, result.today);
    await writeOutput(io, values.output, soaText, values.force, result.project.root);
    return 0;
  }
  const renderers: Record<(typeof FORMATS)[number], () => string> = {
    markdown: () => renderCoverageMarkdown(input),
    json: () => renderCoverageJson(input),
    csv: () => renderCoverageCsv(input),
    html: () => renderCoverageHtml(input),
  };
  await writeOutput(io, values.output, renderers[format](), values.force, result.project.root);
  return 0;
}
