/**
 * How much frontmatter Clausemark reads. A document comes with the repository (and with every pull request),
 * and the YAML model costs about 300 bytes of memory per byte of YAML: one 5 MB `clauses` list took 13 s
 * and 1.65 GB. A real document's frontmatter is a few KB, a long evidence register some tens.
 */
export const MAX_FRONTMATTER_KB = 128;

/** Entries read from one list (`clauses`, `evidence`, `related`); a catalog has about a hundred leaf clauses. */
export const MAX_LIST_ITEMS = 1000;
