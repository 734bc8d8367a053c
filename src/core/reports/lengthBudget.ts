import { plural } from './shared.js';

/**
 * The rows of one list that fit in `budget` characters (each row and its line break), then a line counting
 * the rest. A pull-request comment over GitHub's limit is refused whole, so every list in one is cut to its share.
 */
export function rowsWithinBudget(rows: readonly string[], budget: number, noun: string, nounPlural?: string): string[] {
  const kept: string[] = [];
  let left = budget;
  for (const row of rows) {
    if (row.length + 1 > left) break;
    left -= row.length + 1;
    kept.push(row);
  }
  const omitted = rows.length - kept.length;
  return omitted > 0
    ? [
        ...kept,
        '',
        `…and ${plural(omitted, `more ${noun}`, `more ${nounPlural ?? `${noun}s`}`)} not shown here; run \`clausemark check --base\` for the full list.`,
      ]
    : kept;
}

/** The first `limit` items, then how many more there are: one table cell must not grow with the repository. */
export function firstItems(items: readonly string[], limit: number): string[] {
  return items.length > limit ? [...items.slice(0, limit), `… ${items.length - limit} more`] : [...items];
}
