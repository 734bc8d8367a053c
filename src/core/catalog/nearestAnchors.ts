import { sharedStems, wordStems } from '../text/wordStems.js';
import { nearestIds } from './nearestIds.js';

/**
 * Heading anchors nearest to a mistyped one. Anchors are phrases, so shared words count first
 * (`service-requests` → `service-request-handling`, which spelling alone puts too far away), the fewest
 * extra words breaking ties; then the spelling-nearest anchors fill the rest.
 */
export function nearestAnchors(wanted: string, anchors: readonly string[], limit: number): string[] {
  const stems = wordStems(wanted);
  const byWords = anchors
    .map((anchor) => {
      const anchorStems = wordStems(anchor);
      return { anchor, shared: sharedStems(stems, anchorStems), extra: anchorStems.length };
    })
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.extra - b.extra || a.anchor.localeCompare(b.anchor))
    .map((entry) => entry.anchor);
  const found = [...new Set(byWords)];
  for (const anchor of nearestIds(wanted, anchors, limit)) if (!found.includes(anchor)) found.push(anchor);
  return found.slice(0, limit);
}
