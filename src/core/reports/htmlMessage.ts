import { escapeHtml } from './coverageHtml.js';

/**
 * A rule message as HTML: its `code spans` become `<code>` elements, every part escaped, so no raw backtick reaches
 * the page and a backtick in a document value can never open or close a span.
 */
export function htmlMessage(message: string): string {
  const parts = message.split('`');
  // An odd number of parts means balanced backticks; otherwise every backtick is text.
  if (parts.length % 2 === 0) return escapeHtml(message);
  return parts.map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}

/** A date that never wraps across lines (`<time>` is styled `white-space: nowrap`). */
export function htmlDate(date: string | undefined): string {
  return date === undefined || date === '' ? '' : `<time>${escapeHtml(date)}</time>`;
}

/** A link with escaped text and target; text alone when there is no target. */
export function htmlLink(text: string, href: string | undefined): string {
  return href === undefined ? escapeHtml(text) : `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}
