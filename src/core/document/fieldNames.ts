import { KNOWN_FIELDS, type KnownField } from '../model/smsDocument.js';

/** `fields` in clausemark.json: for a Clausemark field, the key (or keys, first present wins) it is read from. */
export type FieldMapping = Readonly<Partial<Record<KnownField, string | readonly string[]>>>;

/**
 * Which frontmatter keys feed which Clausemark field. Without a mapping each field is read from its own name;
 * with one, a mapped field is read only from the keys it names, so a repository written for another tool is
 * read as it is.
 */
export class FieldNames {
  private readonly sources: ReadonlyMap<KnownField, readonly string[]>;
  private readonly readKeys: ReadonlySet<string>;
  private readonly markers: readonly RegExp[];
  /** Part of the parse cache key: the same file read with another mapping is another result. */
  readonly signature: string;

  private constructor(mapping: FieldMapping) {
    const sources = new Map<KnownField, readonly string[]>();
    for (const field of KNOWN_FIELDS) {
      const mapped = mapping[field];
      sources.set(field, mapped === undefined ? [field] : typeof mapped === 'string' ? [mapped] : [...mapped]);
    }
    this.sources = sources;
    this.readKeys = new Set([...sources.values()].flat());
    const keyPattern = (field: KnownField): string => `(?:${this.sourcesOf(field).map(escapeRegExp).join('|')})[ \\t]*:`;
    // Keys that mark frontmatter as Clausemark's even outside the SMS folders (a Docusaurus page has `id` alone).
    this.markers = [
      new RegExp(`^${keyPattern('clauses')}|^${keyPattern('evidence')}`, 'm'),
      new RegExp(`^${keyPattern('id')}`, 'm'),
      new RegExp(`^${keyPattern('type')}`, 'm'),
    ];
    this.signature =
      Object.keys(mapping).length === 0 ? '' : JSON.stringify([...sources.entries()].filter(([field, keys]) => keys.length !== 1 || keys[0] !== field));
  }

  static readonly DEFAULT = new FieldNames({});

  static from(mapping: FieldMapping | undefined): FieldNames {
    return mapping === undefined || Object.keys(mapping).length === 0 ? FieldNames.DEFAULT : new FieldNames(mapping);
  }

  /** The keys a field is read from, in order of preference. */
  sourcesOf(field: KnownField): readonly string[] {
    return this.sources.get(field) ?? [field];
  }

  /** The key a fix writes when the field is missing: the first it is read from. */
  keyToWrite(field: string): string {
    return isKnownField(field) ? (this.sourcesOf(field)[0] ?? field) : field;
  }

  /** Whether a top-level key is read as some Clausemark field. */
  isRead(key: string): boolean {
    return this.readKeys.has(key);
  }

  /** The keys that are read, for suggestions on an unknown key. */
  readKeyNames(): readonly string[] {
    return [...this.readKeys];
  }

  /** The Clausemark field a key is read as (the first one, should a key feed several), for completions in the editor. */
  fieldOf(key: string): KnownField | undefined {
    for (const [field, keys] of this.sources) if (keys.includes(key)) return field;
    return undefined;
  }

  /** The Clausemark field read from a key whose name it no longer is, for a hint on that key. */
  mappedAway(key: string): { field: KnownField; keys: readonly string[] } | undefined {
    if (!isKnownField(key) || this.isRead(key)) return undefined;
    return { field: key, keys: this.sourcesOf(key) };
  }

  /** Whether frontmatter marks a file as Clausemark's outside the SMS folders: it claims clauses or links evidence, or has both an id and a type. */
  marksSmsDocument(yaml: string): boolean {
    const [claimsOrEvidence, id, type] = this.markers as [RegExp, RegExp, RegExp];
    return claimsOrEvidence.test(yaml) || (id.test(yaml) && type.test(yaml));
  }
}

export function isKnownField(name: string): name is KnownField {
  return (KNOWN_FIELDS as readonly string[]).includes(name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
