import type { Node } from 'jsonc-parser';

/**
 * The `catalogs` mapping in the order the file writes it: the first is the primary catalog, and a JavaScript
 * object lists integer-like keys ("20000", "27001") first in numeric order whatever the file says.
 */
export function catalogsInOrder(tree: Node, catalogs: Readonly<Record<string, string>>): (readonly [string, string])[] {
  const object = tree.children?.find((property) => property.children?.[0]?.value === 'catalogs')?.children?.[1];
  const keys = (object?.children ?? [])
    .map((property) => property.children?.[0]?.value as string)
    .filter((key) => typeof key === 'string' && Object.hasOwn(catalogs, key));
  const ordered = [...new Set(keys)];
  return (ordered.length > 0 ? ordered : Object.keys(catalogs)).map((alias) => [alias, catalogs[alias] as string] as const);
}
