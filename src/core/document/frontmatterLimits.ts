/**
 * How much frontmatter Clausemark reads. A document comes with the repository (and with every pull request),
 * and the YAML model costs about 300 bytes of memory per byte of YAML: one 5 MB `clauses` list took 13 s
 * and 1.65 GB. A real document's frontmatter is a few KB, a long evidence register some tens.
 */
export const MAX_FRONTMATTER_KB = 128;

/** Entries read from one list (`clauses`, `evidence`, `related`); a catalog has about a hundred leaf clauses. */
export const MAX_LIST_ITEMS = 1000;

/** Why frontmatter of this many characters is not read, or undefined when it is within the limit. */
export function frontmatterTooLarge(length: number): string | undefined {
  if (length <= MAX_FRONTMATTER_KB * 1024) return undefined;
  return `The frontmatter is ${Math.ceil(length / 1024)} KB, over the ${MAX_FRONTMATTER_KB} KB Clausemark reads, so none of it is checked; keep long lists in records of their own.`;
}

/** What to say about a list over the limit; only its first MAX_LIST_ITEMS entries are read. */
export function listTooLong(field: string, length: number): string {
  return `\`${field}\` has ${length} entries; Clausemark reads the first ${MAX_LIST_ITEMS}, and the rest are not checked.`;
}
