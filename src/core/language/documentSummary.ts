import { daysBetween } from '../model/dates.js';
import type { SmsDocument } from '../model/smsDocument.js';

/** One line above a document's frontmatter: what it addresses, its evidence and when it is due for review. */
export function documentSummary(document: SmsDocument, today: string): string {
  const clauses = document.clauses.length;
  const parts = [
    `${clauses} clause${clauses === 1 ? '' : 's'}${
      clauses > 0
        ? ` (${document.clauses
            .slice(0, 4)
            .map((c) => c.clause)
            .join(', ')}${clauses > 4 ? ', …' : ''})`
        : ''
    }`,
  ];
  parts.push(`${document.evidence.length} evidence`);
  if (document.status) parts.push(document.status.value);
  if (document.nextReview) {
    const days = daysBetween(today, document.nextReview.value);
    parts.push(
      days < 0 ? `review overdue since ${document.nextReview.value}` : `review due ${document.nextReview.value} (in ${days} day${days === 1 ? '' : 's'})`,
    );
  }
  return `Clausemark: ${parts.join(' · ')}`;
}
