import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { findExcessiveNesting } from '../text/yamlNesting.js';
import { readCsv } from '../text/csvRows.js';
import { LineIndex } from '../text/lineIndex.js';
import type { CatalogFile, ClauseEntry } from './catalogFile.js';

export type ImportFormat = 'csv' | 'yaml';

/** A control list's file is read whole; a catalog holds at most 20,000 clauses of a line or two each. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_CLAUSES = 20_000;
const CLAUSE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const COLUMNS = ['id', 'title', 'parent', 'description'] as const;
type Column = (typeof COLUMNS)[number];

/** One clause as the file gives it, with the line it is on. */
interface Row {
  readonly line: number;
  readonly values: Partial<Record<Column, string>>;
}

/** A problem with the file, at a line (1-based). */
export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export type ImportResult = { readonly ok: true; readonly catalog: CatalogFile } | { readonly ok: false; readonly problems: readonly ImportProblem[] };

export interface ImportOptions {
  /** The catalog's id and title; by default the file's own (YAML `id:`/`title:`), else `fallbackName`. */
  readonly id?: string;
  readonly title?: string;
  readonly fallbackName: string;
}

/**
 * Turns a control list written as CSV (columns id, title, parent and optionally description) or YAML (a list of
 * mappings with those keys, or a mapping with `id`, `title` and such a list under `clauses`) into a catalog.
 * Every bad row is reported at its line: no id, no title, a repeated id, an unknown parent, a cycle.
 */
export function importCatalog(text: string, format: ImportFormat, options: ImportOptions): ImportResult {
  const read = format === 'csv' ? rowsFromCsv(text) : rowsFromYaml(text);
  if ('problems' in read) return { ok: false, problems: read.problems };
  const problems = rowProblems(read.rows);
  if (problems.length > 0) return { ok: false, problems };
  const clauses: ClauseEntry[] = read.rows.map(({ values }) => ({
    id: values.id!,
    title: values.title!,
    ...(values.parent ? { parent: values.parent } : {}),
    ...(values.description ? { summary: values.description } : {}),
  }));
  return { ok: true, catalog: { id: options.id ?? read.id ?? options.fallbackName, title: options.title ?? read.title ?? options.fallbackName, clauses } };
}

type RowsRead = { rows: Row[]; id?: string; title?: string } | { problems: ImportProblem[] };

function rowsFromCsv(text: string): RowsRead {
  const csv = readCsv(text);
  if (!csv.ok) return { problems: [{ line: csv.line, message: csv.message }] };
  const [header, ...records] = csv.rows;
  if (!header) return { problems: [{ line: 1, message: 'the file is empty; its first line names the columns: id, title, parent (and description)' }] };
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = (['id', 'title'] as const).filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      problems: [
        {
          line: header.line,
          message: `the first line names the columns; ${missing.map((m) => `\`${m}\``).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing (found ${names.map((n) => `\`${n}\``).join(', ')})`,
        },
      ],
    };
  }
  const rows = records.map((record) => {
    const values: Partial<Record<Column, string>> = {};
    for (const column of COLUMNS) {
      const value = record.cells[names.indexOf(column)]?.trim();
      if (names.includes(column) && value) values[column] = value;
    }
    return { line: record.line, values };
  });
  return { rows };
}

function rowsFromYaml(text: string): RowsRead {
  const lines = new LineIndex(text);
  const lineOf = (node: YamlNode | null | undefined): number => lines.positionAt(node?.range?.[0] ?? 0).line;
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) return { problems: [{ line: lines.positionAt(tooDeep).line, message: 'the YAML nests deeper than a control list needs' }] };
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, version: '1.2' });
  if (document.errors.length > 0)
    return {
      problems: document.errors.map((error) => ({ line: lines.positionAt(error.pos[0]).line, message: `invalid YAML: ${error.message.split('\n')[0]}` })),
    };
  const contents = document.contents;
  let list: YamlNode | null | undefined = contents;
  let id: string | undefined;
  let title: string | undefined;
  if (isMap(contents)) {
    const entry = (key: string): YamlNode | null | undefined =>
      (contents.items as Pair<YamlNode, YamlNode | null>[]).find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;
    list = entry('clauses') ?? entry('controls');
    id = scalarText(entry('id'));
    title = scalarText(entry('title'));
  }
  if (!isSeq(list))
    return {
      problems: [{ line: lineOf(contents), message: 'expected a list of clauses (`- id: …` with `title:` and `parent:`), at the top or under `clauses:`' }],
    };
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  for (const item of list.items as YamlNode[]) {
    if (!isMap(item)) {
      problems.push({ line: lineOf(item), message: 'each clause is a mapping with `id:`, `title:` and, below the top, `parent:`' });
      continue;
    }
    const values: Partial<Record<Column, string>> = {};
    for (const pair of item.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(COLUMNS as readonly string[]).includes(key)) {
        problems.push({ line: lineOf(pair.key), message: `\`${key}\` is not read; a clause has ${COLUMNS.map((c) => `\`${c}\``).join(', ')}` });
        continue;
      }
      const value = scalarText(pair.value);
      if (value === undefined && pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))
        problems.push({ line: lineOf(pair.value), message: `\`${key}\` must be text` });
      else if (value) values[key as Column] = value;
    }
    rows.push({ line: lineOf(item), values });
  }
  return problems.length > 0 ? { problems } : { rows, ...(id ? { id } : {}), ...(title ? { title } : {}) };
}

/** A scalar as written (`1.10` stays `1.10`), trimmed; undefined for anything else. */
function scalarText(node: YamlNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  const value = node.value as string | number | boolean | bigint;
  return (typeof value === 'string' ? value : (node.source ?? String(value))).trim();
}

function rowProblems(rows: readonly Row[]): ImportProblem[] {
  if (rows.length === 0) return [{ line: 1, message: 'the file lists no clauses' }];
  if (rows.length > MAX_CLAUSES) return [{ line: rows[MAX_CLAUSES]!.line, message: `a catalog holds at most ${MAX_CLAUSES} clauses` }];
  const problems: ImportProblem[] = [];
  const lineOfId = new Map<string, number>();
  for (const { line, values } of rows) {
    const { id, title, description } = values;
    if (!id) problems.push({ line, message: 'this row has no id' });
    else if (!CLAUSE_ID.test(id))
      problems.push({ line, message: `\`${id}\` is not a clause id: letters, digits, \`.\`, \`_\` and \`-\`, up to 40, starting with a letter or digit` });
    else if (lineOfId.has(id)) problems.push({ line, message: `\`${id}\` is already the id of the clause on line ${lineOfId.get(id)}` });
    else lineOfId.set(id, line);
    if (!title) problems.push({ line, message: `${id ? `\`${id}\`` : 'this row'} has no title` });
    else if (title.length > 300) problems.push({ line, message: 'the title is over 300 characters' });
    if (description && description.length > 2000) problems.push({ line, message: 'the description is over 2,000 characters' });
  }
  const parentOf = new Map(rows.flatMap(({ values }) => (values.id ? [[values.id, values.parent] as const] : [])));
  const inCycle = new Set<string>();
  for (const { line, values } of rows) {
    const { id, parent } = values;
    if (!id || !parent) continue;
    if (!parentOf.has(parent)) {
      problems.push({ line, message: `the parent of \`${id}\`, \`${parent}\`, is not in the file` });
      continue;
    }
    if (inCycle.has(id)) continue;
    const path = [id];
    for (let current: string | undefined = parent; current !== undefined && path.length <= rows.length; current = parentOf.get(current)) {
      path.push(current);
      if (current !== id) continue;
      path.forEach((member) => inCycle.add(member));
      problems.push({ line, message: `the parents go round in a circle: ${path.join(' → ')}` });
      break;
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
