import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { ClauseClaim, Located } from '../model/smsDocument.js';
import type { FieldReading } from './readCycleFields.js';

const CLAIM_KEYS = ['clause', 'section', 'note'];

/**
 * `clauses:` as a list of ids (or `clause:`/`section:` entries), or as a mapping from catalog alias to such a list
 * (`clauses: { "27001": [A.5.24] }`), whose ids are stored qualified (`27001:A.5.24`) with the alias kept.
 */
export function readClaims(reader: FieldReading, node: YamlNode | undefined, alias?: Located<string>): ClauseClaim[] {
  // `clauses: { "27001": [A.5.24] }`: one list per catalog alias (a mapping with `clause:` is one old-style entry).
  if (alias === undefined && isMap(node) && !node.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === 'clause')) {
    return node.items.flatMap((pair) => {
      const key = isScalar(pair.key) ? { value: String(pair.key.value).trim(), range: reader.nodeRange(pair.key) } : undefined;
      if (!key || key.value === '') return reader.invalid('clauses', reader.nodeRange((pair.key ?? node) as YamlNode), { kind: 'not-a-catalog-alias' }) ?? [];
      return readClaims(reader, (pair.value ?? undefined) as YamlNode | undefined, key);
    });
  }
  const claims: ClauseClaim[] = [];
  const qualify = (id: string): string => (alias ? `${alias.value}:${id}` : id);
  for (const item of reader.listItems('clauses', node)) {
    const itemRange = reader.nodeRange(item);
    if (isMap(item)) {
      const entry = reader.readEntry(item, 'clauses', CLAIM_KEYS);
      const clause = reader.scalarText(entry.get('clause'), 'clauses', 'clause');
      if (!clause) {
        if (!entry.has('clause')) reader.invalid('clauses', itemRange, { kind: 'claim-without-clause' });
        continue;
      }
      const section = reader.readText('section', entry.get('section'));
      claims.push({ clause: qualify(clause.value.trim()), range: clause.range, itemRange, ...(alias ? { alias } : {}), ...(section ? { section } : {}) });
    } else {
      const clause = reader.scalarText(item, 'clauses', 'claim');
      if (clause && clause.value.trim() !== '')
        claims.push({ clause: qualify(clause.value.trim()), range: clause.range, itemRange, ...(alias ? { alias } : {}) });
    }
  }
  return claims;
}
