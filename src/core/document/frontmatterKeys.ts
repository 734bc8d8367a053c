import { isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { KNOWN_FIELDS, type FrontmatterField } from '../model/smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';
import { isKnownField, type FieldNames } from './fieldNames.js';
import type { ReadProblem } from './readProblem.js';
import { suggestField } from './valueSuggestions.js';

export type FieldPair = Pair<YamlNode, YamlNode | null>;

/** What reading the keys needs from the frontmatter reader. */
export interface KeyReading {
  readonly path: string;
  readonly names: FieldNames;
  readonly extraFields: readonly string[];
  nodeRange(node: YamlNode | null | undefined): SourceRange;
  report(problem: ReadProblem): void;
}

/** The top-level keys by name as written; keys that are not plain names, repeated keys and keys nothing reads are reported. */
export function collectKeys(map: YAMLMap, reading: KeyReading): Map<string, FieldPair> {
  const pairs = new Map<string, FieldPair>();
  for (const pair of map.items as FieldPair[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') {
      reading.report({ rule: 'frontmatter.invalid-field', range: reading.nodeRange(key), value: { kind: 'key-not-plain', inEntry: false } });
      continue;
    }
    const name = key.value;
    const earlier = pairs.get(name);
    if (earlier) {
      reading.report({ rule: 'frontmatter.duplicate-key', range: reading.nodeRange(key), key: name, first: reading.nodeRange(earlier.key) });
      continue; // the first one wins, as in most YAML readers
    }
    pairs.set(name, pair);
    if (!reading.names.isRead(name) && !reading.extraFields.includes(name)) reportUnknownKey(name, key, reading);
  }
  return pairs;
}

function reportUnknownKey(name: string, key: YamlNode, reading: KeyReading): void {
  // The nearest name depends on the keys clausemark.json (`fields`) reads, which only the reader knows.
  const mapped = reading.names.mappedAway(name);
  const suggestion = mapped ? mapped.keys[0] : suggestField(name, reading.names.readKeyNames());
  reading.report({
    rule: 'frontmatter.unknown-field',
    range: reading.nodeRange(key),
    key: name,
    ...(mapped ? { mappedTo: mapped.keys } : {}),
    ...(suggestion ? { suggestion } : {}),
  });
}

/**
 * The fields by Clausemark's names, each located at the key actually written (`fields` may map them), and the
 * pair each is read from. Keys that are no Clausemark field keep their own name.
 */
export function fieldsRead(
  pairs: ReadonlyMap<string, FieldPair>,
  reading: KeyReading,
): { fields: Map<string, FrontmatterField>; read: Map<string, FieldPair> } {
  const fields = new Map<string, FrontmatterField>();
  const read = new Map<string, FieldPair>();
  for (const field of KNOWN_FIELDS) {
    const source = reading.names.sourcesOf(field).find((key) => pairs.has(key));
    const pair = source === undefined ? undefined : pairs.get(source);
    if (source === undefined || pair === undefined) continue;
    read.set(field, pair);
    // The index holds a field for every key of every document: unmapped known keys share one string each.
    fields.set(field, { key: source === field ? field : source, keyRange: reading.nodeRange(pair.key) });
  }
  for (const [name, pair] of pairs)
    if (!reading.names.isRead(name) && !isKnownField(name)) fields.set(name, { key: name, keyRange: reading.nodeRange(pair.key) });
  return { fields, read };
}
