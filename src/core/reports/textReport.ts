import type { Severity } from '../model/severity.js';
import { noDocumentsNotice } from './noDocumentsNotice.js';
import type { ReportInput } from './reportInput.js';
import { countFindings, coverageSummaryText, formatLocation, groupByFile, neutraliseControls, plural, REPOSITORY_FILE, severityCountsText } from './shared.js';

export interface TextReportOptions {
  /** Emit ANSI colours (the CLI decides from the terminal, `NO_COLOR`, `FORCE_COLOR`). */
  readonly color: boolean;
}

const ESC = '\u001b[';
const style = {
  red: [`${ESC}31m`, `${ESC}39m`],
  yellow: [`${ESC}33m`, `${ESC}39m`],
  cyan: [`${ESC}36m`, `${ESC}39m`],
  green: [`${ESC}32m`, `${ESC}39m`],
  dim: [`${ESC}2m`, `${ESC}22m`],
  bold: [`${ESC}1m`, `${ESC}22m`],
  underline: [`${ESC}4m`, `${ESC}24m`],
} as const;

type Style = keyof typeof style;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_WIDTH = 'warning'.length;

/**
 * The human-readable report: findings grouped by file, then totals and a coverage summary.
 *
 * ```
 * sms/policies/sms-policy.md
 * sms/policies/sms-policy.md:10:14  warning  control.review-due-soon  The review is due on 2026-12-15 (in 24 days).
 *   ↳ sms/plans/x.md:3:1 first defined here
 * ```
 */
export function renderText(input: ReportInput, options: TextReportOptions): string {
  const paint = (name: Style, text: string): string => (options.color ? `${style[name][0]}${text}${style[name][1]}` : text);
  const clean = neutraliseControls;
  const lines: string[] = [];
  const groups = groupByFile(input.findings);

  for (const [file, findings] of groups) {
    const header = file === REPOSITORY_FILE ? `${REPOSITORY_FILE} (repository)` : clean(file);
    lines.push(paint('underline', paint('bold', header)));
    for (const finding of findings) {
      const location = clean(formatLocation(finding.file, finding.range));
      const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH));
      const marker = input.baseline?.get(finding) === 'new' ? `${paint('bold', 'new')}  ` : '';
      lines.push(`${location}  ${severity}  ${marker}${paint('dim', clean(finding.ruleId))}  ${clean(finding.message)}`);
      for (const related of finding.related ?? []) {
        lines.push(`  ↳ ${clean(formatLocation(related.file, related.range))} ${paint('dim', clean(related.message))}`);
      }
    }
    lines.push('');
  }

  const notice = noDocumentsNotice(input.stats);
  if (notice !== undefined) lines.push(paint('yellow', notice));
  const counts = countFindings(input.findings);
  const scope = `in ${plural(input.stats.documents, 'document')} (${plural(input.stats.files, 'Markdown file')})`;
  if (input.findings.length === 0) {
    lines.push(paint('green', `No problems found ${scope}.`));
  } else {
    const parts = [
      paint(counts.errors > 0 ? 'red' : 'dim', plural(counts.errors, 'error')),
      paint(counts.warnings > 0 ? 'yellow' : 'dim', plural(counts.warnings, 'warning')),
      paint(counts.infos > 0 ? 'cyan' : 'dim', plural(counts.infos, 'info')),
    ];
    lines.push(`${options.color ? parts.join(', ') : severityCountsText(counts)} ${scope}`);
  }
  lines.push(`Coverage of ${clean(input.coverage.catalog.title)}: ${coverageSummaryText(input.coverage.summary)}`);
  return `${lines.join('\n')}\n`;
}
