import { compareFindings, type Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import { noDocumentsNotice } from './noDocumentsNotice.js';
import { clauseStateOf } from '../rules/clauseStateRules.js';
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
 * The human-readable report: findings grouped by file, then one block of the clauses whose state needs attention
 * (one line each, in the standard's order), then totals and the coverage summary.
 *
 * ```
 * sms/policies/sms-policy.md
 * sms/policies/sms-policy.md:10:14  warning  control.review-due-soon  The review is due on 2026-12-15 (in 24 days).
 *   ↳ sms/plans/x.md:3:1 first defined here
 *
 * Coverage of the whole repository: 2 clauses need attention (clausemark.json:3:3)
 *   warning  coverage.uncovered-clause  7.6 Knowledge: no document addresses this clause.
 * ```
 */
export function renderText(input: ReportInput, options: TextReportOptions): string {
  const paint = (name: Style, text: string): string => (options.color ? `${style[name][0]}${text}${style[name][1]}` : text);
  const clean = neutraliseControls;
  const lines: string[] = [];
  const clauseFindings = input.findings.filter((finding) => clauseStateOf(finding) !== undefined);
  const groups = groupByFile(input.findings.filter((finding) => clauseStateOf(finding) === undefined));
  const severity = (finding: Finding): string => paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH));

  for (const [file, findings] of groups) {
    const header = file === REPOSITORY_FILE ? `${REPOSITORY_FILE} (repository)` : clean(file);
    lines.push(paint('underline', paint('bold', header)));
    for (const finding of findings) {
      const location = clean(formatLocation(finding.file, finding.range));
      const marker = input.baseline?.get(finding) === 'new' ? `${paint('bold', 'new')}  ` : '';
      lines.push(`${location}  ${severity(finding)}  ${marker}${paint('dim', clean(finding.ruleId))}  ${clean(finding.message)}`);
      for (const related of finding.related ?? []) {
        lines.push(`  ↳ ${clean(formatLocation(related.file, related.range))} ${paint('dim', clean(related.message))}`);
      }
    }
    lines.push('');
  }

  if (clauseFindings.length > 0) {
    // One condensed block: a clause per line in the standard's order, the documents involved named in the message.
    const sorted = [...clauseFindings].sort(
      (a, b) => (a.data?.clause ?? '').localeCompare(b.data?.clause ?? '', 'en', { numeric: true }) || compareFindings(a, b),
    );
    const clauses = new Set(sorted.map((finding) => finding.data?.clause)).size;
    const first = sorted[0];
    const where = first && first.file !== REPOSITORY_FILE ? ` (${clean(formatLocation(first.file, first.range))})` : '';
    lines.push(
      paint('underline', paint('bold', `${coverageScope(input)}: ${plural(clauses, 'clause')} ${clauses === 1 ? 'needs' : 'need'} attention${where}`)),
    );
    const width = Math.max(...sorted.map((finding) => finding.ruleId.length));
    for (const finding of sorted) {
      const marker = input.baseline?.get(finding) === 'new' ? `${paint('bold', 'new')}  ` : '';
      lines.push(`  ${severity(finding)}  ${marker}${paint('dim', clean(finding.ruleId.padEnd(width)))}  ${clean(finding.message)}`);
    }
    lines.push('');
  }

  const notice = noDocumentsNotice(input.stats);
  if (notice !== undefined) lines.push(paint('yellow', notice));
  const counts = countFindings(input.findings);
  const scope = `in ${plural(input.stats.documents, 'document')} (${plural(input.stats.files, 'Markdown file')})`;
  const limited = isLimited(input) ? `; findings shown for ${input.paths.map(clean).join(', ')} only` : '';
  if (input.findings.length === 0) {
    lines.push(paint('green', `No problems found ${scope}${limited}.`));
  } else {
    const parts = [
      paint(counts.errors > 0 ? 'red' : 'dim', plural(counts.errors, 'error')),
      paint(counts.warnings > 0 ? 'yellow' : 'dim', plural(counts.warnings, 'warning')),
      paint(counts.infos > 0 ? 'cyan' : 'dim', plural(counts.infos, 'info')),
    ];
    lines.push(`${options.color ? parts.join(', ') : severityCountsText(counts)} ${scope}${limited}`);
  }
  const whole = isLimited(input) ? ` (whole repository, not only ${input.paths.map(clean).join(', ')})` : '';
  // One line per catalog shown, the primary first.
  for (const { report } of input.catalogs ?? [{ report: input.coverage }])
    lines.push(`Coverage of ${clean(report.catalog.title)}${whole}: ${coverageSummaryText(report.summary)}`);
  return `${lines.join('\n')}\n`;
}

/** `Coverage`, or `Coverage of the whole repository` when the findings were limited to paths (coverage never is). */
function coverageScope(input: ReportInput): string {
  return isLimited(input) ? 'Coverage of the whole repository' : 'Coverage';
}

function isLimited(input: ReportInput): input is ReportInput & { readonly paths: readonly string[] } {
  return input.paths !== undefined && input.paths.length > 0;
}
