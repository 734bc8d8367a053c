import type { StatementOfApplicability } from '../coverage/statementOfApplicability.js';
import { csvCell } from './coverageCsv.js';
import { escapeMarkdown } from './markdownEscape.js';

/** The Statement of Applicability as Markdown: one row per control. */
export function soaMarkdownLines(soa: StatementOfApplicability): string[] {
  return [
    '| Control | Title | Applicable | Justification | Implementing documents | Status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...soa.rows.map(
      (row) =>
        `| ${escapeMarkdown(row.control)} | ${escapeMarkdown(row.title)} | ${row.applicable ? 'yes' : 'no'} | ${escapeMarkdown(row.justification)} | ${row.documents.map(escapeMarkdown).join('<br>')} | ${row.status} |`,
    ),
  ];
}

/** `clausemark coverage --catalog ALIAS --soa` (Markdown). */
export function renderSoaMarkdown(soa: StatementOfApplicability, today: string): string {
  const excluded = soa.rows.filter((row) => !row.applicable).length;
  return `${[`# Statement of Applicability: ${escapeMarkdown(soa.catalog.title)}`, '', `${soa.rows.length} controls, ${soa.rows.length - excluded} applicable, ${excluded} not applicable. Status as of ${escapeMarkdown(today)}.`, '', ...soaMarkdownLines(soa)].join('\n')}\n`;
}

/** The Statement of Applicability as RFC 4180 CSV. */
export function renderSoaCsv(soa: StatementOfApplicability): string {
  const rows = [
    ['Control', 'Title', 'Applicable', 'Justification', 'Implementing documents', 'Status'],
    ...soa.rows.map((row) => [row.control, row.title, row.applicable ? 'yes' : 'no', row.justification, row.documents.join('; '), row.status]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The Statement of Applicability as JSON. */
export function renderSoaJson(soa: StatementOfApplicability): string {
  return `${JSON.stringify({ alias: soa.alias, catalog: soa.catalog, controls: soa.rows }, null, 2)}\n`;
}
