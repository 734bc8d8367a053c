import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, isDocumentStatus, isDocumentType, type DocumentStatus, type DocumentType } from '../model/documentTypes.js';
import { type EvidenceLink, type FrontmatterField, type KnownField, type Located, type SmsDocument } from '../model/smsDocument.js';
import { detached } from '../text/detached.js';
import { LineIndex } from '../text/lineIndex.js';
import { sharedString } from '../text/sharedStrings.js';
import type { SourceRange } from '../text/sourceRange.js';
import { parseIsoDate } from '../model/dates.js';
import { FieldNames } from './fieldNames.js';
import { FrontmatterFields } from '../model/frontmatterFields.js';
import { collectKeys, fieldsRead, type FieldPair, type KeyReading } from './frontmatterKeys.js';
import { blankHeader, findFrontmatter, type FrontmatterBlock, type OpeningFence } from './frontmatterBlock.js';
import { MAX_FRONTMATTER_KB, MAX_LIST_ITEMS } from './frontmatterLimits.js';
import { readOutline } from './outline.js';
import { readClaims } from './readClaims.js';
import { readCycleFields, type FieldReading } from './readCycleFields.js';
import { findExcessiveNesting } from '../text/yamlNesting.js';
import type { Expected, ReadProblem, ValueProblem, YamlProblem } from './readProblem.js';
import { firstLine } from './yamlMessage.js';

export interface ReadOptions {
  /** The file sits in a configured SMS folder, so it must be an SMS document. */
  readonly inSmsFolder: boolean;
  /** Frontmatter fields the organisation adds, accepted without a hint. */
  readonly extraFields?: readonly string[];
  /** The keys each field is read from (`fields` in clausemark.json). */
  readonly fieldNames?: FieldNames;
  /** `optional` reads a header with no opening `---` (`frontmatter.openingFence` in clausemark.json). */
  readonly openingFence?: OpeningFence;
}

/** What reading one Markdown file yields: the document when it is an SMS document, and what is wrong with it. */
export interface ReadResult {
  readonly path: string;
  /** True when the file is (or must be) an SMS document; false for ordinary Markdown, which is left alone. */
  readonly isSmsDocument: boolean;
  readonly document?: SmsDocument;
  /** What is wrong with the file, for the rules to report; absent when nothing is. */
  readonly problems?: readonly ReadProblem[];
  readonly lines: LineIndex;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
const EVIDENCE_KEYS = ['path', 'url', 'clause', 'date', 'description', 'title', 'note'];

/** Reads one Markdown file: finds and parses its frontmatter, builds the document model, and reports format problems. */
export function readSmsDocument(path: string, fileText: string, options: ReadOptions): ReadResult {
  const lines = new LineIndex(fileText);
  // A lone CR ends a line for editors (and LineIndex) but not for the YAML and Markdown parsers; LF in its place
  // keeps every offset, so positions stay those of the file.
  const text = fileText.replace(/\r(?!\n)/g, '\n');
  const block = findFrontmatter(text, options.openingFence);
  if (!block) {
    return { path, isSmsDocument: options.inSmsFolder, ...(options.inSmsFolder ? { problems: [{ rule: 'frontmatter.missing' }] } : {}), lines };
  }
  return new FrontmatterReader(path, text, lines, block, options).read();
}

class FrontmatterReader implements FieldReading, KeyReading {
  private problems: ReadProblem[] | undefined;
  readonly names: FieldNames;
  readonly extraFields: readonly string[];

  constructor(
    readonly path: string,
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly block: FrontmatterBlock,
    private readonly options: ReadOptions,
  ) {
    this.names = options.fieldNames ?? FieldNames.DEFAULT;
    this.extraFields = options.extraFields ?? [];
  }

  read(): ReadResult {
    const { lines, block, options } = this;
    // Values read from the YAML are cut from this copy, so the document model does not hold the whole file.
    const yamlText = detached(this.text.slice(block.yamlStart, block.yamlEnd));
    const openingFence = lines.lineRange(1);
    const looksLikeSms = options.inSmsFolder || this.names.marksSmsDocument(yamlText);
    if (!looksLikeSms) return this.result(false);

    if (block.closeFenceStart === undefined) {
      return this.yamlProblem(openingFence, { kind: 'unclosed' });
    }
    if (block.language !== 'yaml') {
      return this.yamlProblem(openingFence, { kind: 'language', language: block.language });
    }

    const tooDeepAt = findExcessiveNesting(yamlText);
    if (tooDeepAt !== undefined) {
      return this.yamlProblem(this.yamlRange(tooDeepAt, tooDeepAt + 1), { kind: 'too-deep' });
    }
    if (yamlText.length > MAX_FRONTMATTER_KB * 1024) {
      this.report({ rule: 'frontmatter.too-large', range: openingFence, length: yamlText.length });
      return this.result(true);
    }
    const yaml = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false, version: '1.2', strict: true });
    let syntaxBroken = false;
    let outOfStack = false;
    for (const error of yaml.errors) {
      if (error.code === 'DUPLICATE_KEY') continue; // reported below, with both places
      syntaxBroken = true;
      if (error.message.includes('call stack')) {
        // Should nesting the scan above lets through still exhaust the stack, the parser says so once per level it unwinds.
        if (!outOfStack) this.yamlProblem(this.yamlRange(error.pos[0], error.pos[0] + 1), { kind: 'out-of-stack' });
        outOfStack = true;
        continue;
      }
      this.yamlProblem(this.yamlRange(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)), { kind: 'error', message: firstLine(error.message) });
    }
    if (syntaxBroken) return this.result(true);
    for (const warning of yaml.warnings) {
      this.yamlProblem(this.yamlRange(warning.pos[0], Math.max(warning.pos[1], warning.pos[0] + 1)), { kind: 'warning', message: firstLine(warning.message) });
    }

    const contents = yaml.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      // Empty frontmatter: in an SMS folder it is a document with every field missing.
      return this.result(true, this.buildDocument(new Map()));
    }
    if (!isMap(contents)) {
      return this.yamlProblem(this.nodeRange(contents), { kind: 'not-a-mapping' });
    }
    return this.result(true, this.buildDocument(collectKeys(contents, this)));
  }

  private result(isSmsDocument: boolean, document?: SmsDocument): ReadResult {
    const { path, problems, lines } = this;
    return { path, isSmsDocument, ...(document ? { document } : {}), ...(problems ? { problems } : {}), lines };
  }
  private yamlProblem(range: SourceRange, yaml: YamlProblem): ReadResult {
    this.report({ rule: 'frontmatter.invalid-yaml', range, yaml });
    return this.result(true);
  }
  private buildDocument(pairs: ReadonlyMap<string, FieldPair>): SmsDocument {
    const { fields, read } = fieldsRead(pairs, this);
    const value = (name: string): YamlNode | undefined => {
      const node = read.get(name)?.value ?? undefined;
      return node === null || (isScalar(node) && node.value === null) ? undefined : node;
    };
    const frontmatterEnd = this.block.closeFenceStart === undefined ? this.block.blockEnd : this.block.closeFenceStart + 3;
    const outline = readOutline(this.block.openingFence ? this.text : blankHeader(this.text, this.block), this.lines);
    const document: SmsDocument = {
      path: this.path,
      frontmatterRange: this.lines.range(0, frontmatterEnd),
      fields,
      ...optional('id', this.readId(value('id'))),
      ...optional('title', this.readText('title', value('title'))),
      ...optional('type', this.readEnum<DocumentType>('type', value('type'), DOCUMENT_TYPES, isDocumentType)),
      ...optional('owner', this.readText('owner', value('owner'))),
      ...optional('status', this.readEnum<DocumentStatus>('status', value('status'), DOCUMENT_STATUSES, isDocumentStatus)),
      ...optional('version', this.readVersion(value('version'))),
      ...optional('approvedBy', this.readText('approved_by', value('approved_by'))),
      ...optional('approvedOn', this.readDate('approved_on', value('approved_on'))),
      ...optional('nextReview', this.readDate('next_review', value('next_review'))),
      ...optional('date', this.readDate('date', value('date'))),
      ...optional('description', this.readText('description', value('description'))),
      clauses: readClaims(this, value('clauses')),
      evidence: this.readEvidence(value('evidence')),
      related: this.readRelated(value('related')),
      headings: outline.headings,
      diagrams: outline.diagrams,
      ...readCycleFields(this, value('audit'), value('findings')),
    };
    this.reportMissingRequired(document, fields);
    // A field reported as malformed is there: the control checks must not report it a second time, as missing.
    for (const name of this.invalidFields) if (fields.has(name)) fields.set(name, { ...fields.get(name)!, malformed: true });
    return { ...document, fields: new FrontmatterFields(fields, this.lines) };
  }

  private reportMissingRequired(document: SmsDocument, fields: ReadonlyMap<string, FrontmatterField>): void {
    const missing = (['id', 'title', 'type'] as const).filter((name) => document[name] === undefined && !this.invalidFields.has(name));
    if (missing.length === 0) return;
    const emptyField = missing.map((name) => fields.get(name)).find((field) => field !== undefined);
    const range = emptyField?.keyRange ?? this.lines.lineRange(1);
    // The keys each is read from (`fields` may map them), so the message names what to write.
    this.report({ rule: 'frontmatter.missing-field', range, missing: missing.map((field: KnownField) => ({ field, keys: this.names.sourcesOf(field) })) });
  }

  private invalidFields = new Set<string>();
  /** A malformed field: reported once, and marked so no other check reports it as missing. */
  invalid(field: string, range: SourceRange, value: ValueProblem): undefined {
    this.invalidFields.add(field);
    this.report({ rule: 'frontmatter.invalid-field', range, field, value });
    return undefined;
  }

  /** A scalar's text as written (`8.10` stays `8.10`, not the number 8.1). */
  scalarText(node: YamlNode | undefined, field: string, expected: Expected): Located<string> | undefined {
    if (node === undefined) return undefined;
    if (isAlias(node)) return this.invalid(field, this.nodeRange(node), { kind: 'alias', list: false });
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      return this.invalid(field, this.nodeRange(node), { kind: 'wrong-kind', expected });
    }
    const scalar = node;
    const text = typeof scalar.value === 'string' ? scalar.value : String(scalar.source ?? scalar.value);
    // Detached: a value is otherwise a view into the frontmatter text and keeps all of it alive in the index.
    return { value: sharedString(text), range: this.nodeRange(node) };
  }

  readText(field: string, node: YamlNode | undefined): Located<string> | undefined {
    const located = this.scalarText(node, field, 'text');
    if (located && located.value.trim() === '') return undefined;
    return located;
  }

  private readId(node: YamlNode | undefined): Located<string> | undefined {
    const located = this.scalarText(node, 'id', 'id');
    if (located && !ID_PATTERN.test(located.value)) return this.invalid('id', located.range, { kind: 'id-pattern' });
    return located;
  }

  private readVersion(node: YamlNode | undefined): Located<string> | undefined {
    const located = this.scalarText(node, 'version', 'version');
    if (located && node && isScalar(node) && typeof node.value === 'number' && String(node.value) !== located.value) {
      // Read as written, so not malformed: a warning to quote it, and the version as the author meant it.
      const value: ValueProblem = { kind: 'version-number', written: located.value, number: String(node.value) };
      this.report({ rule: 'frontmatter.invalid-field', range: located.range, field: 'version', value });
    }
    return located;
  }

  readEnum<T extends string>(field: string, node: YamlNode | undefined, allowed: readonly T[], guard: (value: string) => value is T): Located<T> | undefined {
    const located = this.scalarText(node, field, { oneOf: allowed });
    if (!located) return undefined;
    const normalised = located.value.trim().toLowerCase();
    if (!guard(normalised)) return this.invalid(field, located.range, { kind: 'unknown-value', written: located.value, allowed });
    return { value: normalised, range: located.range };
  }

  private readDate(field: string, node: YamlNode | undefined): Located<string> | undefined {
    const located = this.scalarText(node, field, 'date');
    if (!located) return undefined;
    const day = parseIsoDate(located.value);
    if (day === undefined) return this.invalid(field, located.range, { kind: 'date', written: located.value });
    return { value: day, range: located.range };
  }

  listItems(field: string, node: YamlNode | undefined): YamlNode[] {
    if (node === undefined) return [];
    if (isAlias(node)) return this.invalid(field, this.nodeRange(node), { kind: 'alias', list: true }) ?? [];
    if (isSeq(node) && node.items.length > MAX_LIST_ITEMS)
      this.report({ rule: 'frontmatter.too-large', range: this.nodeRange(node.items[MAX_LIST_ITEMS] as YamlNode), field, length: node.items.length });
    if (isSeq(node)) return (node.items as YamlNode[]).slice(0, MAX_LIST_ITEMS);
    if (isScalar(node) || isMap(node)) {
      // One value where a list belongs: read it (the intent is clear), so it is not malformed.
      this.report({ rule: 'frontmatter.invalid-field', range: this.nodeRange(node), field, value: { kind: 'single-value' } });
      return [node];
    }
    this.invalid(field, this.nodeRange(node), { kind: 'not-a-list' });
    return [];
  }

  private readEvidence(node: YamlNode | undefined): EvidenceLink[] {
    const links: EvidenceLink[] = [];
    for (const item of this.listItems('evidence', node)) {
      const itemRange = this.nodeRange(item);
      if (!isMap(item)) {
        this.invalid('evidence', itemRange, { kind: 'not-a-mapping' });
        continue;
      }
      const entry = this.readEntry(item, 'evidence', EVIDENCE_KEYS);
      const path = this.readText('path', entry.get('path'));
      const url = this.readText('url', entry.get('url'));
      const clause = this.scalarText(entry.get('clause'), 'clause', 'clause');
      const date = this.readDate('date', entry.get('date'));
      const description = this.readText('description', entry.get('description') ?? entry.get('title') ?? entry.get('note'));
      links.push({
        itemRange,
        ...(path ? { path } : {}),
        ...(url ? { url } : {}),
        ...(clause ? { clause: { value: clause.value.trim(), range: clause.range } } : {}),
        ...(date ? { date } : {}),
        ...(description ? { description: description.value } : {}),
      });
    }
    return links;
  }

  private readRelated(node: YamlNode | undefined): Located<string>[] {
    const related: Located<string>[] = [];
    for (const item of this.listItems('related', node)) {
      const id = this.scalarText(item, 'related', 'document-id');
      if (id && id.value.trim() !== '') related.push({ value: id.value.trim(), range: id.range });
    }
    return related;
  }

  /** The keys of a list entry's mapping; unknown keys get a hint, repeated ones were reported by the YAML parser. */
  readEntry(map: YAMLMap, list: string, known: readonly string[]): Map<string, YamlNode | undefined> {
    const entry = new Map<string, YamlNode | undefined>();
    for (const pair of map.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.report({ rule: 'frontmatter.invalid-field', range: this.nodeRange(key), value: { kind: 'key-not-plain', inEntry: true } });
        continue;
      }
      if (entry.has(key.value)) {
        this.report({ rule: 'frontmatter.duplicate-key', range: this.nodeRange(key), key: key.value, list });
        continue;
      }
      if (!known.includes(key.value)) this.report({ rule: 'frontmatter.unknown-field', range: this.nodeRange(key), key: key.value, list, known });
      const value = pair.value ?? undefined;
      entry.set(key.value, value === null || (value !== undefined && isScalar(value) && value.value === null) ? undefined : value);
    }
    return entry;
  }

  report(problem: ReadProblem): void {
    (this.problems ??= []).push(problem);
  }

  private yamlRange(start: number, end: number): SourceRange {
    return this.lines.range(this.block.yamlStart + start, this.block.yamlStart + end);
  }

  // One range object per YAML node: a field's value range and the value's own range are the same object, which
  // keeps a 10,000-document index well under its memory budget (ranges are most of what it holds).
  private readonly nodeRanges = new Map<YamlNode, SourceRange>();

  nodeRange(node: YamlNode | null | undefined, fallback?: SourceRange): SourceRange {
    const range = node?.range;
    if (!node || !range) return fallback ?? this.lines.lineRange(1);
    const known = this.nodeRanges.get(node);
    if (known) return known;
    // The parser's value end takes in the line break (and a CR) after a block value; point at the value only.
    const start = this.block.yamlStart + range[0];
    let end = this.block.yamlStart + Math.max(range[1], range[0]);
    while (end > start && /\s/.test(this.text.charAt(end - 1))) end--;
    const located = this.lines.range(start, end);
    this.nodeRanges.set(node, located);
    return located;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
