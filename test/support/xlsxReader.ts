import { strFromU8, unzipSync } from 'fflate';

/**
 * A small .xlsx reader that shares nothing with exceljs: it unzips the file (fflate) and reads the sheet XML
 * itself, so a test compares what a spreadsheet program would find, not what the writer believes it wrote.
 */
export interface ReadCell {
  /** `s` shared string, `inlineStr`, `str` formula string, `n` number, `b` boolean, `d` ISO date. */
  readonly type: string;
  /** The text as stored: the string, or the number/boolean as written. */
  readonly raw: string;
  readonly formula?: string;
  /** The number format code of its style (`yyyy-mm-dd`), when it has one. */
  readonly numberFormat?: string;
}

export interface ReadSheet {
  readonly name: string;
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, ReadCell>>;
  readonly xml: string;
  /** `ySplit` of a frozen pane, when there is one. */
  readonly frozenRows?: number;
  readonly autoFilter?: string;
  /** By column (0-based); undefined where the column has the default width. */
  readonly columnWidths: readonly (number | undefined)[];
}

export function readXlsx(bytes: Uint8Array): ReadSheet[] {
  const files = unzipSync(bytes);
  const text = (path: string): string => {
    const file = files[path];
    if (!file) throw new Error(`the workbook has no ${path}`);
    return strFromU8(file);
  };
  const shared = files['xl/sharedStrings.xml'] ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textRuns(match[1]!)) : [];
  const formats = numberFormats(text('xl/styles.xml'));
  const relationships = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((match) => [
      attribute(match[1]!, 'Id')!,
      attribute(match[1]!, 'Target')!,
    ]),
  );
  return [...text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/?>/g)].map((match) => {
    const target = relationships.get(attribute(match[1]!, 'r:id')!)!;
    const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const rows = new Map<number, Map<number, ReadCell>>();
    for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const reference = attribute(cell[1]!, 'r')!;
      const [, letters = '', digits = ''] = /^([A-Z]+)(\d+)$/.exec(reference) ?? [];
      const type = attribute(cell[1]!, 't') ?? 'n';
      const body = cell[2] ?? '';
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const formula = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(body);
      const raw = type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? textRuns(body) : decodeXml(value ?? '');
      const style = attribute(cell[1]!, 's');
      const numberFormat = style !== undefined ? formats[Number(style)] : undefined;
      const row = rows.get(Number(digits)) ?? new Map<number, ReadCell>();
      row.set(columnNumber(letters), { type, raw, ...(formula ? { formula: formula[1] ?? '' } : {}), ...(numberFormat !== undefined ? { numberFormat } : {}) });
      rows.set(Number(digits), row);
    }
    const pane = /<pane\b([^>]*)\/>/.exec(xml)?.[1];
    const filter = /<autoFilter\b([^>]*)\/?>/.exec(xml)?.[1];
    return {
      name: decodeXml(attribute(match[1]!, 'name')!),
      rows,
      xml,
      ...(pane !== undefined && attribute(pane, 'state') === 'frozen' ? { frozenRows: Number(attribute(pane, 'ySplit')) } : {}),
      ...(filter !== undefined ? { autoFilter: attribute(filter, 'ref')! } : {}),
      columnWidths: columnWidths(xml),
    };
  });
}

/** A cell as a test compares it: text as text, a number, a boolean, or an ISO day for a date-formatted number. */
export function cellValue(cell: ReadCell | undefined): string | number | boolean | { date: string } | null {
  if (cell === undefined || (cell.raw === '' && cell.type === 'n')) return null;
  if (cell.type === 's' || cell.type === 'inlineStr' || cell.type === 'str') return cell.raw;
  if (cell.type === 'b') return cell.raw === '1';
  const number = Number(cell.raw);
  if (cell.numberFormat !== undefined && /y/.test(cell.numberFormat)) {
    // Excel's serial day 25569 is 1970-01-01.
    return { date: new Date(Math.round((number - 25569) * 86_400_000)).toISOString().slice(0, 10) };
  }
  return number;
}

/** A sheet's cells as rows of `cellValue`s, the header row first, `width` columns each. */
export function sheetValues(sheet: ReadSheet, width: number): ReturnType<typeof cellValue>[][] {
  const last = Math.max(0, ...sheet.rows.keys());
  return Array.from({ length: last }, (_, row) => Array.from({ length: width }, (_, column) => cellValue(sheet.rows.get(row + 1)?.get(column + 1))));
}

/** A <col> element sets the width of the columns min..max (1-based). */
function columnWidths(xml: string): (number | undefined)[] {
  const widths: (number | undefined)[] = [];
  for (const col of xml.matchAll(/<col\b([^>]*)\/>/g)) {
    for (let column = Number(attribute(col[1]!, 'min')); column <= Number(attribute(col[1]!, 'max')); column++)
      widths[column - 1] = Number(attribute(col[1]!, 'width'));
  }
  return widths;
}

function numberFormats(styles: string): (string | undefined)[] {
  const custom = new Map(
    [...styles.matchAll(/<numFmt\b([^>]*)\/>/g)].map((match) => [Number(attribute(match[1]!, 'numFmtId')), decodeXml(attribute(match[1]!, 'formatCode')!)]),
  );
  const builtIn: Record<number, string> = { 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 22: 'm/d/yy h:mm' };
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)].map((match) => {
    const id = Number(attribute(match[1]!, 'numFmtId') ?? 0);
    return custom.get(id) ?? builtIn[id];
  });
}

function textRuns(xml: string): string {
  return [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(attributes);
  return match ? decodeXml(match[1]!) : undefined;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
}

function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
      if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
    },
  );
}
