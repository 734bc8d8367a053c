import { compareFindings, type Finding } from '../model/finding.js';
import type { SourceRange } from '../text/sourceRange.js';

export { neutraliseControls } from '../text/controlCharacters.js';

/** The file name findings about the repository as a whole carry when there is no config file. */
export const REPOSITORY_FILE = '.';

export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** A sorted copy, so every renderer is deterministic whatever order it was given. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Findings grouped by file, in sorted order. */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of sortedFindings(findings)) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** `file:line:col`, or `file` alone without a range. */
export function formatLocation(file: string, range: SourceRange | undefined): string {
  return range ? `${file}:${range.start.line}:${range.start.column}` : file;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function severityCountsText(counts: FindingCounts): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
}

// The coverage summary and percentage are worded once, with the rest of the model's words.
export { coverageSummaryText, formatPercent } from '../coverage/coverageText.js';

/** `coverage.uncovered-clause` → `CoverageUncoveredClause`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Normalises a `pathPrefix` option: posix slashes, no leading `./` or trailing `/`; `''` for none. */
export function normalisePrefix(prefix: string | undefined): string {
  if (prefix === undefined) return '';
  const cleaned = prefix
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');
  return cleaned === '.' ? '' : cleaned;
}

/** `prefix/file`, or `file` when there is no prefix. */
export function withPrefix(prefix: string, file: string): string {
  return prefix === '' ? file : `${prefix}/${file}`;
}

/** Text with the control characters XML and HTML cannot carry removed and `&`, `<`, `>` as entities: the common first step of the HTML and Markdown escapers. */
export function encodeMarkupCharacters(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}
