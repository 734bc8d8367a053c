import { encodeMarkupCharacters } from './shared.js';

/**
 * Escaping for GitHub-flavoured Markdown built from untrusted text (document titles, ids, paths, messages).
 * The output renders as the literal text: no links, images, HTML, emphasis, table breaks or @-mentions.
 */

/** Escapes text for a Markdown paragraph or table cell, on one line. */
export function escapeMarkdown(text: string): string {
  return (
    encodeMarkupCharacters(text)
      .replace(/[\\`*_[\]!|~$#]/g, (char) => `\\${char}`)
      // A zero-width space after `@` stops GitHub from notifying users and teams (`@org/team`).
      .replace(/@/g, '@&#8203;')
      .replace(/\r\n|\r|\n/g, ' ')
  );
}

/**
 * Escapes a rule message, keeping its `code spans` as `<code>` (their content escaped like any other text), so a
 * backtick in a document value can never open or close a span.
 */
export function escapeMarkdownMessage(message: string): string {
  const parts = message.split('`');
  // An odd number of parts means balanced backticks; otherwise treat every backtick as text.
  if (parts.length % 2 === 0) return escapeMarkdown(message);
  return parts.map((part, index) => (index % 2 === 1 ? `<code>${escapeMarkdown(part)}</code>` : escapeMarkdown(part))).join('');
}

/** A URL safe inside `[text](url)`: only http(s), with characters that could end the destination encoded. */
export function markdownLinkTarget(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>\\`"'[\]|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
