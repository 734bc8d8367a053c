/**
 * Ranks candidate ids by closeness to a mistyped id. Clause numbers are short and dotted, so an
 * edit distance over characters (with transpositions: `8.6.1` typed as `8.61.`) works well; ties prefer
 * candidates that share the longest leading part (`8.6.4` → `8.6.1`, `8.6.2`, `8.6.3` before `8.4.4`), then id order.
 */
export function nearestIds(typed: string, candidates: readonly string[], limit: number): string[] {
  // A renamed document leaves many references to its old id; the same candidate list gives the same answer.
  const key = `${limit}\0${typed}`;
  let remembered = answers.get(candidates);
  if (!remembered) answers.set(candidates, (remembered = new Map<string, string[]>()));
  const known = remembered.get(key);
  if (known) return [...known];
  const found = rankNearest(typed, candidates, limit);
  remembered.set(key, found);
  return [...found];
}

/** Answers by candidate list; callers that keep a list unchanged (the index's ids) get them again for free. */
const answers = new WeakMap<readonly string[], Map<string, string[]>>();

function rankNearest(typed: string, candidates: readonly string[], limit: number): string[] {
  const needle = typed.trim().toLowerCase();
  const maxDistance = Math.max(1, Math.ceil(needle.length / 2));
  const scored: { id: string; distance: number; prefix: number }[] = [];
  const bound = new CharacterBound(needle);
  for (const id of candidates) {
    // Most ids of a large repository share too few characters to be close; skip them before the full distance.
    if (bound.lowerBound(id) > maxDistance) continue;
    const candidate = id.toLowerCase();
    const distance = editDistance(needle, candidate, maxDistance);
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

/**
 * A lower bound of the edit distance from character counts: each edit changes at most two counts by one,
 * so the distance is at least half the characters the two strings do not share. Counts live in one table
 * of UTF-16 units, borrowed while a needle is looked up (unknown related ids are compared with every id).
 */
class CharacterBound {
  private static readonly budget = new Int32Array(65536);
  private readonly taken: number[] = [];

  constructor(private readonly needle: string) {}

  lowerBound(id: string): number {
    // ASCII letters are folded below; outside ASCII, lower-casing can change lengths, so count the lower-cased id.
    let candidate = id;
    for (let i = 0; i < id.length; i++) {
      if (id.charCodeAt(i) > 127) {
        candidate = id.toLowerCase();
        break;
      }
    }
    const budget = CharacterBound.budget;
    const taken = this.taken;
    taken.length = 0;
    for (let i = 0; i < this.needle.length; i++) budget[this.needle.charCodeAt(i)]!++;
    for (let i = 0; i < candidate.length; i++) {
      let code = candidate.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      if (budget[code]! > 0) {
        budget[code]!--;
        taken.push(code);
      }
    }
    for (const code of taken) budget[code]!++;
    for (let i = 0; i < this.needle.length; i++) budget[this.needle.charCodeAt(i)]!--;
    const unshared = this.needle.length + candidate.length - 2 * taken.length;
    return Math.max(Math.abs(this.needle.length - candidate.length), Math.ceil(unshared / 2));
  }
}

/**
 * Optimal string alignment distance, stopping early once it exceeds `cap`. Three reused rows instead of a
 * matrix: suggestions for an unknown related id compare it with every id of a large repository.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
