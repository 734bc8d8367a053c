import type { CoverageReportInput } from './reportInput.js';
import { documentLabels, reasonTexts } from '../coverage/coverageText.js';

export interface CoverageCsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads non-ASCII titles correctly. Default false. */
  readonly bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV cell: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` so spreadsheets do not run it as a formula
 * (OWASP CSV injection), then RFC 4180 quoting when the cell holds a comma, quote or line break.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The coverage matrix as RFC 4180 CSV (CRLF line ends, header row). */
export function renderCoverageCsv(input: CoverageReportInput, options: CoverageCsvOptions = {}): string {
  // Several catalogs: one table, with the catalog alias first on each row.
  const catalogs = input.catalogs ?? [{ alias: undefined, report: input.coverage }];
  const several = input.catalogs !== undefined;
  const rows: (string | number)[][] = [[...(several ? ['Catalog'] : []), 'Clause', 'Title', 'Status', 'Documents', 'Evidence', 'Usable evidence', 'Reasons']];
  for (const { alias, report } of catalogs) {
    for (const clause of report.clauses) {
      rows.push([
        ...(several ? [alias ?? ''] : []),
        clause.clause,
        clause.title,
        clause.status,
        documentLabels(clause).join('; '),
        clause.evidenceCount.linked,
        clause.evidenceCount.usable,
        reasonTexts(clause).join('; '),
      ]);
    }
  }
  return `${options.bom ? '\ufeff' : ''}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
