import { buildAuditPack, type AuditPack } from '../audit/auditPack.js';
import type { PackCycle } from '../audit/packCycle.js';
import type { CheckResult } from '../check.js';
import { parseIsoDate } from '../model/dates.js';
import { buildJsonReport, type JsonReport } from './jsonReport.js';
import type { ReportInput } from './reportInput.js';

/** A calendar day (`YYYY-MM-DD`) that a spreadsheet stores as a date, not as text. */
export interface DateCell {
  readonly date: string;
}

/** One cell: text, a number, a yes/no, a date, or empty. Text is always stored as text, never as a formula. */
export type WorkbookCell = string | number | boolean | DateCell | null;

export interface WorkbookSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly WorkbookCell[])[];
}

/**
 * The registers of one check as spreadsheet rows. Every value is read from the JSON report (coverage, findings)
 * or the audit pack (document and evidence registers, overdue reviews), so the workbook says what they say.
 */
export function workbookSheets(report: JsonReport, pack: AuditPack): WorkbookSheet[] {
  const overdue = new Set(pack.overdue.map((entry) => entry.id));
  return [
    {
      name: 'Coverage',
      headers: ['Catalog', 'Clause', 'Title', 'State', 'Reasons', 'Documents', 'Evidence'],
      rows: report.coverage.map((clause) => [
        report.catalog.id,
        clause.clause,
        clause.title,
        clause.status,
        lines(clause.reasons.map((reason) => reason.text)),
        lines(clause.documents.map((document) => document.id)),
        lines(clause.evidence.map((evidence) => `${evidence.url ?? evidence.path ?? evidence.documentId} (${evidence.state})`)),
      ]),
    },
    {
      name: 'Documents',
      headers: ['Id', 'Title', 'Type', 'Owner', 'Status', 'Version', 'Approved by', 'Approved on', 'Next review', 'Overdue', 'Path'],
      rows: pack.documents.map((entry) => [
        entry.id,
        entry.title,
        text(entry.type),
        text(entry.owner),
        text(entry.status),
        text(entry.version),
        text(entry.approvedBy),
        day(entry.approvedOn),
        day(entry.nextReview),
        overdue.has(entry.id),
        entry.path,
      ]),
    },
    {
      name: 'Evidence',
      headers: ['Clause', 'Document', 'Path or URL', 'Date', 'State'],
      rows: pack.evidence.map((entry) => [entry.clause, entry.documentId, entry.target, day(entry.date), entry.state]),
    },
    {
      name: 'Findings',
      headers: ['Rule', 'Severity', 'File', 'Line', 'Message'],
      rows: report.findings.map((finding) => [finding.ruleId, finding.severity, finding.file, finding.range?.start.line ?? null, finding.message]),
    },
    ...(pack.cycle ? cycleSheets(pack.cycle) : []),
  ];
}

/** The nonconformity register and the audit programme, as the audit pack has them. */
function cycleSheets(cycle: PackCycle): WorkbookSheet[] {
  return [
    {
      name: 'Nonconformities',
      headers: ['Id', 'Clause', 'Grade', 'Summary', 'Raised', 'Due', 'Status', 'Closed', 'Action', 'Verified', 'State', 'Report'],
      rows: cycle.nonconformities.map((nc) => [
        text(nc.id),
        text(nc.clause),
        text(nc.grade),
        text(nc.summary),
        day(nc.raisedOn),
        day(nc.due),
        text(nc.status),
        day(nc.closedOn),
        text(nc.action),
        day(nc.verifiedOn),
        nc.state,
        nc.documentId ?? nc.documentPath,
      ]),
    },
    {
      name: 'Audit programme',
      headers: ['Clause', ...cycle.audits.map((audit) => `${audit.label} ${audit.date}`)],
      rows: cycle.programme.map((row) => [row.label, ...row.audited.map((audited, index) => (audited ? day(cycle.audits[index]!.date) : null))]),
    },
  ];
}

/** A real calendar day becomes a date cell; anything else written in a date field stays the text it was. */
export function day(value: string | undefined): WorkbookCell {
  if (value === undefined || value === '') return null;
  return parseIsoDate(value) === value ? { date: value } : value;
}

export function isDateCell(cell: WorkbookCell): cell is DateCell {
  return typeof cell === 'object' && cell !== null;
}

/** The width of a column in characters: its longest line, within bounds a reader can still scan. */
export function columnWidth(sheet: WorkbookSheet, column: number): number {
  let longest = sheet.headers[column]?.length ?? 0;
  for (const row of sheet.rows) {
    const cell = row[column] ?? null;
    const shown = isDateCell(cell) ? cell.date : cell === null ? '' : String(cell);
    for (const line of shown.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(Math.max(longest + 2, 8), 60);
}

function text(value: string | undefined): WorkbookCell {
  return value === undefined || value === '' ? null : value;
}

function lines(values: readonly string[]): WorkbookCell {
  return values.length === 0 ? null : values.join('\n');
}

/** The workbook of one check: the JSON report and the audit pack of it, as sheets. */
export function workbookOfCheck(result: CheckResult, input: ReportInput): WorkbookSheet[] {
  return workbookSheets(buildJsonReport(input), buildAuditPack(result, { toolVersion: input.toolVersion }));
}
