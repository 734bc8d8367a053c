/**
 * Ranks candidate ids by closeness to a mistyped id. Clause numbers are short and dotted, so an
 * edit distance over characters (with transpositions: `8.6.1` typed as `8.61.`) works well; ties prefer
 * candidates that share the longest leading part (`8.6.4` → `8.6.1`, `8.6.2`, `8.6.3` before `8.4.4`), then id order.
 */
export function nearestIds(typed: string, candidates: readonly string[], limit: number): string[] {
  const needle = typed.trim().toLowerCase();
  const maxDistance = Math.max(1, Math.ceil(needle.length / 2));
  const scored: { id: string; distance: number; prefix: number }[] = [];
  for (const id of candidates) {
    const distance = editDistance(needle, id.toLowerCase(), maxDistance);
    if (distance <= maxDistance) scored.push({ id, distance, prefix: commonPrefixLength(needle, id.toLowerCase()) });
  }
  // Ties end in id order, so suggestions never depend on the order ids were seen in.
  scored.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return scored.slice(0, limit).map((entry) => entry.id);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Optimal string alignment distance, stopping early once it exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
  for (let i = 0; i <= a.length; i++) rows[i]![0] = i;
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.MAX_SAFE_INTEGER;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      rows[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
  }
  return at(a.length, b.length);
}
