import { isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { KNOWN_FIELDS, type FrontmatterField } from '../model/smsDocument.js';
import type { createFinding } from '../rules/createFinding.js';
import type { RuleId } from '../rules/ruleDefinitions.js';
import type { SourceRange } from '../text/sourceRange.js';
import { isKnownField, type FieldNames } from './fieldNames.js';
import { suggestField } from './valueSuggestions.js';

export type FieldPair = Pair<YamlNode, YamlNode | null>;

/** What reading the keys needs from the frontmatter reader. */
export interface KeyReading {
  readonly path: string;
  readonly names: FieldNames;
  readonly extraFields: readonly string[];
  nodeRange(node: YamlNode | null | undefined): SourceRange;
  report(ruleId: RuleId, range: SourceRange, message: string, extras?: Parameters<typeof createFinding>[4]): void;
}

/** The top-level keys by name as written; keys that are not plain names, repeated keys and keys nothing reads are reported. */
export function collectKeys(map: YAMLMap, reading: KeyReading): Map<string, FieldPair> {
  const pairs = new Map<string, FieldPair>();
  for (const pair of map.items as FieldPair[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') {
      reading.report('frontmatter.invalid-field', reading.nodeRange(key), 'Frontmatter keys must be plain names.');
      continue;
    }
    const name = key.value;
    const earlier = pairs.get(name);
    if (earlier) {
      reading.report('frontmatter.duplicate-key', reading.nodeRange(key), `\`${name}\` is set twice; remove one of them.`, {
        related: [{ file: reading.path, range: reading.nodeRange(earlier.key), message: `first \`${name}\`` }],
        data: { field: name },
      });
      continue; // the first one wins, as in most YAML readers
    }
    pairs.set(name, pair);
    if (!reading.names.isRead(name) && !reading.extraFields.includes(name)) reportUnknownKey(name, key, reading);
  }
  return pairs;
}

function reportUnknownKey(name: string, key: YamlNode, reading: KeyReading): void {
  const mapped = reading.names.mappedAway(name);
  const suggestion = mapped ? mapped.keys[0] : suggestField(name, reading.names.readKeyNames());
  const message = mapped
    ? `\`${name}\` is not read: clausemark.json (\`fields\`) reads \`${name}\` from ${mapped.keys.map((k) => `\`${k}\``).join(' or ')}; list it under \`extraFields\` if it is kept for another tool.`
    : `\`${name}\` is not a Clausemark field${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; list it under \`extraFields\` in clausemark.json if your organisation uses it.`;
  reading.report('frontmatter.unknown-field', reading.nodeRange(key), message, { data: { field: name, ...(suggestion ? { suggestions: [suggestion] } : {}) } });
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
