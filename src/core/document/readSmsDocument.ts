import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, isDocumentStatus, isDocumentType, type DocumentStatus, type DocumentType } from '../model/documentTypes.js';
import type { Finding } from '../model/finding.js';
import { type EvidenceLink, type FrontmatterField, type KnownField, type Located, type SmsDocument } from '../model/smsDocument.js';
import { createFinding } from '../rules/createFinding.js';
import type { RuleId } from '../rules/ruleDefinitions.js';
import { detached } from '../text/detached.js';
import { LineIndex } from '../text/lineIndex.js';
import { sharedString } from '../text/sharedStrings.js';
import type { SourceRange } from '../text/sourceRange.js';
import { parseIsoDate } from '../model/dates.js';
import { FieldNames } from './fieldNames.js';
import { FrontmatterFields } from '../model/frontmatterFields.js';
import { collectKeys, fieldsRead, type FieldPair, type KeyReading } from './frontmatterKeys.js';
import { blankHeader, findFrontmatter, type FrontmatterBlock, type OpeningFence } from './frontmatterBlock.js';
import { frontmatterTooLarge, listTooLong, MAX_LIST_ITEMS } from './frontmatterLimits.js';
import { readOutline } from './outline.js';
import { readClaims } from './readClaims.js';
import { readCycleFields, type FieldReading } from './readCycleFields.js';
import { findExcessiveNesting, MAX_BLOCK_INDENT, MAX_FLOW_DEPTH } from '../text/yamlNesting.js';
import { suggestField, suggestValue } from './valueSuggestions.js';
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
  readonly findings: readonly Finding[];
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
    const findings = options.inSmsFolder
      ? [createFinding('frontmatter.missing', path, lines.lineRange(1), 'This file is in an SMS folder but has no frontmatter; start it with a `---` block that gives at least `id`, `title` and `type`.')]
      : [];
    return { path, isSmsDocument: options.inSmsFolder, findings, lines };
  }
  return new FrontmatterReader(path, text, lines, block, options).read();
}

class FrontmatterReader implements FieldReading, KeyReading {
  private readonly findings: Finding[] = [];
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
      this.report('frontmatter.invalid-yaml', openingFence, 'The frontmatter is never closed: add a line `---` after its last field.');
      return this.result(true);
    }
    if (block.language !== 'yaml') {
      this.report('frontmatter.invalid-yaml', openingFence, `Frontmatter must be YAML; this block is marked \`${block.language}\`.`);
      return this.result(true);
    }

    const tooDeepAt = findExcessiveNesting(yamlText);
    if (tooDeepAt !== undefined) {
      this.report('frontmatter.invalid-yaml', this.yamlRange(tooDeepAt, tooDeepAt + 1), `Invalid YAML: the frontmatter nests deeper than Clausemark reads (${MAX_FLOW_DEPTH} brackets or ${MAX_BLOCK_INDENT} columns); SMS fields are at most a list of mappings.`);
      return this.result(true);
    }
    const tooLarge = frontmatterTooLarge(yamlText.length);
    if (tooLarge) {
      this.report('frontmatter.too-large', openingFence, tooLarge);
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
        if (!outOfStack) this.report('frontmatter.invalid-yaml', this.yamlRange(error.pos[0], error.pos[0] + 1), 'Invalid YAML: the frontmatter nests too deeply to read.');
        outOfStack = true;
        continue;
      }
      this.report('frontmatter.invalid-yaml', this.yamlRange(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)), `Invalid YAML: ${firstLine(error.message)}.`);
    }
    if (syntaxBroken) return this.result(true);
    for (const warning of yaml.warnings) {
      this.report('frontmatter.invalid-yaml', this.yamlRange(warning.pos[0], Math.max(warning.pos[1], warning.pos[0] + 1)), `YAML: ${firstLine(warning.message)}.`);
    }

    const contents = yaml.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      // Empty frontmatter: in an SMS folder it is a document with every field missing.
      return this.result(true, this.buildDocument(new Map()));
    }
    if (!isMap(contents)) {
      this.report('frontmatter.invalid-yaml', this.nodeRange(contents), 'The frontmatter must be a mapping of fields (`key: value` lines).');
      return this.result(true);
    }
    return this.result(true, this.buildDocument(collectKeys(contents, this)));
  }

  private result(isSmsDocument: boolean, document?: SmsDocument): ReadResult {
    return { path: this.path, isSmsDocument, ...(document ? { document } : {}), findings: this.findings, lines: this.lines };
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
    const names = missing.map((name) => `\`${name}\`${this.readFrom(name)}`).join(', ');
    const emptyField = missing.map((name) => fields.get(name)).find((field) => field !== undefined);
    const range = emptyField?.keyRange ?? this.lines.lineRange(1);
    this.report('frontmatter.missing-field', range, `Every SMS document needs ${names}; ${missing.length === 1 ? 'it is' : 'they are'} missing or empty.`, {
      data: { field: missing.join(',') },
    });
  }

  /** ` (read from \`name\`)` for a field `fields` maps to other keys, so a message names what to write. */
  private readFrom(field: KnownField): string {
    const keys = this.names.sourcesOf(field);
    return keys.length === 1 && keys[0] === field ? '' : ` (read from ${keys.map((key) => `\`${key}\``).join(' or ')})`;
  }

  private invalidFields = new Set<string>();
  invalid(field: string, range: SourceRange, message: string): undefined {
    this.invalidFields.add(field);
    this.report('frontmatter.invalid-field', range, message, { data: { field } });
    return undefined;
  }

  /** A scalar's text as written (`8.10` stays `8.10`, not the number 8.1). */
  scalarText(node: YamlNode | undefined, field: string, what: string): Located<string> | undefined {
    if (node === undefined) return undefined;
    if (isAlias(node)) return this.invalid(field, this.nodeRange(node), `\`${field}\` uses a YAML alias (\`*name\`); write the value out instead.`);
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      return this.invalid(field, this.nodeRange(node), `\`${field}\` must be ${what}.`);
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
    const located = this.scalarText(node, 'id', 'a text id such as `PRC-INC`');
    if (located && !ID_PATTERN.test(located.value)) {
      return this.invalid('id', located.range, 'An `id` is letters, digits and `.` `_` `-` `:` `/` (up to 100, starting with a letter or digit), such as `PRC-INC`.');
    }
    return located;
  }

  private readVersion(node: YamlNode | undefined): Located<string> | undefined {
    const located = this.scalarText(node, 'version', 'text such as "2.1"');
    if (located && node && isScalar(node) && typeof node.value === 'number' && String(node.value) !== located.value) {
      this.report('frontmatter.invalid-field', located.range, `YAML reads \`version: ${located.value}\` as the number ${String(node.value)}; quote it ("${located.value}") so every tool sees the same version.`, {
        data: { field: 'version' },
      });
    }
    return located;
  }

  readEnum<T extends string>(field: string, node: YamlNode | undefined, allowed: readonly T[], guard: (value: string) => value is T): Located<T> | undefined {
    const located = this.scalarText(node, field, `one of ${allowed.join(', ')}`);
    if (!located) return undefined;
    const normalised = located.value.trim().toLowerCase();
    if (!guard(normalised)) {
      const suggestion = suggestValue(field, normalised, allowed);
      return this.invalid(field, located.range, `\`${located.value}\` is not a known ${field}; use one of ${allowed.join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`);
    }
    return { value: normalised, range: located.range };
  }

  private readDate(field: string, node: YamlNode | undefined): Located<string> | undefined {
    const located = this.scalarText(node, field, 'a date written YYYY-MM-DD');
    if (!located) return undefined;
    const day = parseIsoDate(located.value);
    if (day === undefined) return this.invalid(field, located.range, `\`${located.value}\` is not a date; write \`${field}\` as YYYY-MM-DD, e.g. 2027-03-31.`);
    return { value: day, range: located.range };
  }

  listItems(field: string, node: YamlNode | undefined): YamlNode[] {
    if (node === undefined) return [];
    if (isAlias(node)) return this.invalid(field, this.nodeRange(node), `\`${field}\` uses a YAML alias (\`*name\`); write the list out instead.`) ?? [];
    if (isSeq(node) && node.items.length > MAX_LIST_ITEMS) this.report('frontmatter.too-large', this.nodeRange(node.items[MAX_LIST_ITEMS] as YamlNode), listTooLong(field, node.items.length));
    if (isSeq(node)) return (node.items as YamlNode[]).slice(0, MAX_LIST_ITEMS);
    if (isScalar(node) || isMap(node)) {
      // One value where a list belongs: read it (the intent is clear) and say how to write it.
      this.report('frontmatter.invalid-field', this.nodeRange(node), `\`${field}\` should be a list (one \`- item\` per line).`, { data: { field } });
      return [node];
    }
    this.invalid(field, this.nodeRange(node), `\`${field}\` must be a list.`);
    return [];
  }

  private readEvidence(node: YamlNode | undefined): EvidenceLink[] {
    const links: EvidenceLink[] = [];
    for (const item of this.listItems('evidence', node)) {
      const itemRange = this.nodeRange(item);
      if (!isMap(item)) {
        this.invalid('evidence', itemRange, 'Each `evidence` entry is a mapping with `path:` (or `url:`), `clause:` and `date:`.');
        continue;
      }
      const entry = this.readEntry(item, 'evidence', EVIDENCE_KEYS);
      const path = this.readText('path', entry.get('path'));
      const url = this.readText('url', entry.get('url'));
      const clause = this.scalarText(entry.get('clause'), 'clause', 'a clause id');
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
      const id = this.scalarText(item, 'related', 'a document id');
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
        this.report('frontmatter.invalid-field', this.nodeRange(key), 'Keys must be plain names.');
        continue;
      }
      if (entry.has(key.value)) {
        this.report('frontmatter.duplicate-key', this.nodeRange(key), `\`${key.value}\` is set twice in this \`${list}\` entry.`);
        continue;
      }
      if (!known.includes(key.value)) {
        const suggestion = suggestField(key.value, known);
        this.report('frontmatter.unknown-field', this.nodeRange(key), `\`${key.value}\` is not a field of a \`${list}\` entry; use ${known.map((k) => `\`${k}\``).join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`, {
          data: { field: key.value, ...(suggestion ? { suggestions: [suggestion] } : {}) },
        });
      }
      const value = pair.value ?? undefined;
      entry.set(key.value, value === null || (value !== undefined && isScalar(value) && value.value === null) ? undefined : value);
    }
    return entry;
  }

  report(ruleId: RuleId, range: SourceRange, message: string, extras: Parameters<typeof createFinding>[4] = {}): void {
    this.findings.push(createFinding(ruleId, this.path, range, message, extras));
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
