import { detached } from './detached.js';

/** Longer values (titles, descriptions) are seldom repeated; they are copied, not pooled. */
const MAX_SHARED_LENGTH = 40;
/** Past this many distinct values the pool starts again, so a long-lived server holds a bounded amount. */
const MAX_POOL_SIZE = 50_000;

const pool = new Map<string, string>();

/**
 * One string for each short frontmatter value that many documents repeat (a status, a date, a clause id, an
 * owner's role), detached from the text it was read from. Each value read from YAML is a new string: at 10,000
 * documents the same dates, clause ids and roles were held tens of thousands of times over (about 3 MB).
 */
export function sharedString(value: string): string {
  if (value.length > MAX_SHARED_LENGTH) return detached(value);
  const known = pool.get(value);
  if (known !== undefined) return known;
  if (pool.size >= MAX_POOL_SIZE) pool.clear();
  const copy = detached(value);
  pool.set(copy, copy);
  return copy;
}
