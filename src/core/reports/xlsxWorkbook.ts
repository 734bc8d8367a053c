import type ExcelJS from 'exceljs';
import { columnWidth, isDateCell, type WorkbookCell, type WorkbookSheet } from './workbookRows.js';
import { stripIllegalXml } from './xmlEscape.js';

/** Excel keeps at most this many characters in a cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Writes the sheets as one .xlsx file (returned, not saved: the caller writes it). Each sheet has its header row
 * frozen, a filter over its columns and columns sized to their content; dates are date cells. Text is written as
 * a string cell whatever it starts with: exceljs only writes a formula for a `{ formula }` value, which this
 * module never builds, so a title such as `=HYPERLINK(…)` stays text.
 */
export async function renderXlsx(sheets: readonly WorkbookSheet[], meta: { readonly toolVersion: string; readonly created: string }): Promise<Uint8Array> {
  // Loaded when a workbook is written: exceljs costs every other command about 25 MB of memory.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = `Clausemark ${meta.toolVersion}`;
  // A fixed time (the day the data was judged on) keeps the file the same for the same check.
  workbook.created = new Date(`${meta.created}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.headers.map((header, column) => ({ header, width: columnWidth(sheet, column) }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(cellValue));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.headers.length } };
    sheet.headers.forEach((_, column) => {
      const wrap = sheet.rows.some((row) => typeof row[column] === 'string' && row[column].includes('\n'));
      const excelColumn = worksheet.getColumn(column + 1);
      if (sheet.rows.some((row) => isDateCell(row[column] ?? null))) excelColumn.numFmt = 'yyyy-mm-dd';
      if (wrap) excelColumn.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function cellValue(cell: WorkbookCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isDateCell(cell)) {
    const [year, month, day] = cell.date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (typeof cell === 'string') return stripIllegalXml(cell).slice(0, MAX_CELL_TEXT);
  return cell;
}
