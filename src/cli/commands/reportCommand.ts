import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAuditPack, describeHead, renderAuditHtml, renderAuditMarkdown } from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { mermaidScriptPath } from '../mermaidScript.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { TOOL_VERSION } from '../toolVersion.js';
import { UsageError } from '../usageError.js';
import { oneOf } from './checkCommand.js';
import { mayWrite, writeNewFile } from '../writeOutput.js';

const FORMATS = ['html', 'markdown'] as const;
const FILE_NAMES: Record<(typeof FORMATS)[number], string> = { html: 'audit-pack.html', markdown: 'audit-pack.md' };

export const REPORT_USAGE = `Usage: clausemark report [path] [options]

Builds the audit pack for a Stage 1 document review: statement of coverage, traceability
diagrams per clause family, document register, evidence register, overdue reviews and open
findings, with the git revision and the date. HTML is one self-contained file (no network
needed to view it, prints well); Markdown renders on GitHub.

Options:
  --format FORMAT      html (default) or markdown
  --output DIR         the folder to write audit-pack.html or audit-pack.md into (default: audit-pack)
  --force              replace an existing audit pack (it is never replaced otherwise)
  --config FILE        use this clausemark.json instead of looking upwards for one
  --today YYYY-MM-DD   judge review and evidence dates as of this day
  --no-cache           read every file afresh
  -h, --help           show this help
`;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...CHECK_OPTIONS, format: { type: 'string', default: 'html' }, force: { type: 'boolean', default: false } },
  });
  if (values.help) {
    io.writeStdout(REPORT_USAGE);
    return 0;
  }
  const format = oneOf('--format', values.format, FORMATS);
  if (positionals.length > 1) throw new UsageError('report takes at most one path (the repository)');
  const outputFolder = resolve(io.cwd, values.output ?? 'audit-pack');
  const target = join(outputFolder, FILE_NAMES[format]);
  if (!(await mayWrite(io, target, values.force))) return 2;
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;
  const revision = await describeHead(result.project.root);
  const pack = buildAuditPack(result, { toolVersion: TOOL_VERSION, outputFolder, ...(revision ? { revision } : {}) });
  const text =
    format === 'html' ? renderAuditHtml(pack, { mermaidScript: await mermaidScript(), nonce: randomBytes(18).toString('base64') }) : renderAuditMarkdown(pack);
  if (!(await writeNewFile(io, target, text, values.force, result.project.root))) return 2;
  io.writeStdout(`Wrote ${target}\n`);
  return 0;
}

/** The browser build of mermaid from this installation, inlined into the page. */
async function mermaidScript(): Promise<string> {
  return fs.readFile(mermaidScriptPath(), 'utf8');
}
