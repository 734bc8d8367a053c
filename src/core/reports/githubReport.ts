import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { ReportInput } from './reportInput.js';
import { formatLocation, normalisePrefix, REPOSITORY_FILE, sortedFindings, withPrefix } from './shared.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command (`%`, CR, LF). */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (`%`, CR, LF, `:`, `,`). */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE` (`notice` for infos).
 * Columns are only given for single-line ranges (GitHub refuses them otherwise); `endColumn` is exclusive, as in SARIF.
 * Related locations are appended to the message as extra lines.
 */
export interface GithubReportOptions {
  /**
   * Where the Clausemark root sits inside the checked-out repository (`examples/acme-msp`), when it is not the
   * workspace root: GitHub resolves `file=` against the workspace.
   */
  readonly pathPrefix?: string;
}

export function renderGithub(input: ReportInput, options: GithubReportOptions = {}): string {
  const prefix = normalisePrefix(options.pathPrefix);
  const lines = sortedFindings(input.findings).map((finding) => annotation(finding, prefix));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotation(finding: Finding, prefix: string): string {
  const properties: [string, string][] = [];
  if (finding.file !== REPOSITORY_FILE && finding.file !== '') {
    properties.push(['file', withPrefix(prefix, finding.file)]);
    const range = finding.range;
    if (range) {
      const endLine = Math.max(range.start.line, range.end.line);
      const singleLine = endLine === range.start.line;
      properties.push(['line', String(range.start.line)]);
      if (singleLine) properties.push(['col', String(range.start.column)]);
      properties.push(['endLine', String(endLine)]);
      if (singleLine) properties.push(['endColumn', String(Math.max(range.start.column, range.end.column))]);
    }
  }
  properties.push(['title', finding.ruleId]);
  const related = (finding.related ?? []).map((item) => `\n↳ ${formatLocation(withPrefix(prefix, item.file), item.range)} ${item.message}`).join('');
  const props = properties.map(([key, value]) => `${key}=${escapeCommandProperty(value)}`).join(',');
  return `::${COMMAND[finding.severity]} ${props}::${escapeCommandData(`${finding.message}${related}`)}`;
}
