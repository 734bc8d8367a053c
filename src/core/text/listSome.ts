/** How many items a message names before it says how many more there are. */
export const LISTED_IN_MESSAGE = 10;

/**
 * Items for a message, comma-separated: the first `shown`, then how many more (`a, b, c and 412 more`). A
 * finding's related places keep every item; a message naming 400 documents is read by nobody, in any view.
 */
export function listSome(items: readonly string[], shown = LISTED_IN_MESSAGE): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
