/**
 * Crude English stems of the words of a name (`approved_date` → `approv`, `date`; `service-requests` →
 * `servic`, `request`), so that suggestions can weigh shared meaning and not only shared letters. Not a
 * linguistic stemmer: it only has to make a word and its plural, past and agent forms meet.
 */
export function wordStems(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(stemOf);
}

/** The stem of one lower-case word: plural removed, then one common ending. */
export function stemOf(word: string): string {
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('s') && !stem.endsWith('ss') && stem.length > 3) stem = stem.slice(0, -1);
  for (const ending of ['ing', 'ed', 'er', 'or', 'al', 'e']) {
    if (stem.endsWith(ending) && stem.length - ending.length >= 3) return stem.slice(0, -ending.length);
  }
  return stem;
}

/** How many of `a`'s stems `b` has too. */
export function sharedStems(a: readonly string[], b: readonly string[]): number {
  const other = new Set(b);
  return new Set(a.filter((stem) => other.has(stem))).size;
}
