import type { ClauseCoverage, CoverageSummary } from '../coverage/coverageReport.js';
import type { Finding } from '../model/finding.js';
import type { ReportInput } from './reportInput.js';
import { escapeMarkdown, escapeMarkdownMessage, markdownLinkTarget } from './markdownEscape.js';
import { reasonTexts } from '../coverage/coverageText.js';
import { countFindings, formatPercent, normalisePrefix, plural, REPOSITORY_FILE, sortedFindings, withPrefix } from './shared.js';

/** The hidden marker a CI job can look for to update its previous comment instead of adding one. */
export const MARKDOWN_REPORT_MARKER = '<!-- clausemark-report -->';

export interface MarkdownReportOptions {
  /**
   * A URL that repository paths are appended to for links, such as
   * `https://github.com/org/repo/blob/<sha>/`; without it locations are plain text. Only http(s) is used.
   */
  readonly linkBase?: string;
  /** Where the Clausemark root sits inside the linked repository (`examples/acme-msp`). */
  readonly pathPrefix?: string;
  /** Findings tables longer than this fold into `<details>`; default 20. */
  readonly collapseAbove?: number;
  /** Upper bound on the body length; findings rows that do not fit are counted instead. Default 60000 (GitHub allows 65536). */
  readonly maxLength?: number;
}

const DEFAULT_COLLAPSE_ABOVE = 20;
const DEFAULT_MAX_LENGTH = 60_000;

/** A pull-request comment: summary table, findings table, and the clauses that are not covered. */
export function renderMarkdown(input: ReportInput, options: MarkdownReportOptions = {}): string {
  const collapseAbove = options.collapseAbove ?? DEFAULT_COLLAPSE_ABOVE;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const prefix = normalisePrefix(options.pathPrefix);
  const base = options.linkBase !== undefined ? markdownLinkTarget(options.linkBase.endsWith('/') ? options.linkBase : `${options.linkBase}/`) : undefined;
  const counts = countFindings(input.findings);
  const summary = input.coverage.summary;
  const applicable = summary.leaves - summary.excluded;

  const head: string[] = [
    MARKDOWN_REPORT_MARKER,
    '## Clausemark',
    '',
    input.findings.length === 0
      ? `No problems found in ${plural(input.stats.documents, 'document')} (${plural(input.stats.files, 'Markdown file')}).`
      : `${plural(input.findings.length, 'finding')} in ${plural(input.stats.documents, 'document')} (${plural(input.stats.files, 'Markdown file')}).`,
    '',
    '| Errors | Warnings | Infos | Coverage |',
    '| ---: | ---: | ---: | :--- |',
    `| ${counts.errors} | ${counts.warnings} | ${counts.infos} | ${coverageCounts(summary)} |`,
    '',
    `Catalog: ${escapeMarkdown(input.coverage.catalog.title)}. Dates judged against ${escapeMarkdown(input.today)}.`,
    ...otherCatalogLines(input),
  ];

  const tail = coverageSection(input.coverage.clauses, applicable, collapseAbove);
  const footer = ['', `<sub>Clausemark ${escapeMarkdown(input.toolVersion)}</sub>`];

  const fixedLength = [...head, ...tail, ...footer].join('\n').length + 600;
  const findingsSection = findingsTableSection(sortedFindings(input.findings), { base, prefix, collapseAbove, budget: Math.max(0, maxLength - fixedLength) });

  return `${[...head, ...findingsSection, ...tail, ...footer].join('\n')}\n`;
}

/** Where findings tables link to and how long they may grow. */
export interface FindingsTableOptions {
  /** The validated link base (see `markdownLinkTarget`), or undefined for plain-text locations. */
  readonly base: string | undefined;
  readonly prefix: string;
  readonly collapseAbove: number;
  /** Characters the rows may take; rows that do not fit are counted instead. */
  readonly budget: number;
  readonly heading?: string;
  /** Where the rows left out can be read in full; default: `clausemark check`. */
  readonly fullList?: string;
}

/** `### Findings` with a table of sorted findings, folded into `<details>` when long; empty without findings. */
export function findingsTableSection(findings: readonly Finding[], options: FindingsTableOptions): string[] {
  if (findings.length === 0) return [];
  let budget = options.budget;
  const rows: string[] = [];
  for (const finding of findings) {
    const row = findingRow(finding, options.base, options.prefix);
    if (row.length + 1 > budget) break;
    budget -= row.length + 1;
    rows.push(row);
  }
  const table = ['| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |', ...rows];
  const omitted = findings.length - rows.length;
  if (omitted > 0) table.push('', `…and ${plural(omitted, 'more finding')} not shown here; run ${options.fullList ?? '`clausemark check`'} for the full list.`);
  const section = ['', `### ${options.heading ?? 'Findings'}`, ''];
  if (findings.length > options.collapseAbove)
    section.push(`<details><summary>${plural(findings.length, 'finding')}</summary>`, '', ...table, '', '</details>');
  else section.push(...table);
  return section;
}

function findingRow(finding: Finding, base: string | undefined, prefix: string): string {
  const location = locationCell(finding, base, prefix);
  return `| ${location} | ${finding.severity} | <code>${escapeMarkdown(finding.ruleId)}</code> | ${messageCell(finding)} |`;
}

function locationCell(finding: Finding, base: string | undefined, prefix: string): string {
  if (finding.file === REPOSITORY_FILE) return '(repository)';
  const line = finding.range?.start.line;
  const text = escapeMarkdown(line !== undefined ? `${finding.file}:${line}` : finding.file);
  if (base === undefined) return text;
  const path = withPrefix(prefix, finding.file)
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `[${text}](${base}${path}${line !== undefined ? `#L${line}` : ''})`;
}

function messageCell(finding: Finding): string {
  const related = (finding.related ?? []).map((item) => {
    const where = item.file === REPOSITORY_FILE ? '(repository)' : `${item.file}${item.range ? `:${item.range.start.line}` : ''}`;
    return `<br>↳ ${escapeMarkdown(where)}: ${escapeMarkdownMessage(item.message)}`;
  });
  return `${escapeMarkdownMessage(finding.message)}${related.join('')}`;
}

function coverageSection(clauses: readonly ClauseCoverage[], applicable: number, collapseAbove: number): string[] {
  const open = clauses.filter((clause) => clause.status !== 'covered');
  const lines = ['', '### Coverage gaps', ''];
  if (open.length === 0) {
    lines.push(applicable === 1 ? 'The one applicable leaf clause is covered.' : `All ${applicable} applicable leaf clauses are covered.`);
    return lines;
  }
  const table = [
    '| Clause | Title | Status | Why |',
    '| --- | --- | --- | --- |',
    ...open.map((clause) => {
      return `| ${escapeMarkdown(clause.clause)} | ${escapeMarkdown(clause.title)} | ${clause.status} | ${reasonTexts(clause).map(escapeMarkdown).join('<br>')} |`;
    }),
  ];
  if (open.length > collapseAbove) lines.push(`<details><summary>${plural(open.length, 'clause')} not covered</summary>`, '', ...table, '', '</details>');
  else lines.push(...table);
  return lines;
}

/** With several catalogs: one summary line for each catalog after the primary. */
function otherCatalogLines(input: ReportInput): string[] {
  return (input.catalogs ?? []).slice(1).flatMap(({ alias, report }) => {
    return ['', `Catalog \`${escapeMarkdown(alias)}\`: ${escapeMarkdown(report.catalog.title)}: ${coverageCounts(report.summary)}.`];
  });
}

/** `87.5% (7 of 8 leaf clauses; 0 at-risk, 1 partial, 0 uncovered)` */
function coverageCounts(summary: CoverageSummary): string {
  return `${formatPercent(summary.percent)} (${summary.covered} of ${summary.leaves - summary.excluded} leaf clauses; ${summary.atRisk} at-risk, ${summary.partial} partial, ${summary.uncovered} uncovered${summary.excluded > 0 ? `, ${summary.excluded} excluded` : ''})`;
}
