/**
 * Replaces control characters (C0 except tab, DEL, C1) and Unicode bidi overrides with visible escapes, so text from
 * untrusted documents cannot move the cursor, recolour a terminal or reorder what a reader sees.
 */
export function neutraliseControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Line breaks and colour sequences, which a terminal may act on. */
// eslint-disable-next-line no-control-regex
const KEPT_SEQUENCES = /(\n|\r|\u001b\[[0-9;]*[mK])/;

/**
 * Text as it may reach a terminal: line breaks, carriage returns (progress redraws), colours (SGR) and erase-line
 * stay; every other control character or escape sequence — OSC titles and links, screen clears, cursor moves — is
 * shown as a visible escape instead of acting.
 */
export function neutraliseForTerminal(text: string): string {
  return text
    .split(KEPT_SEQUENCES)
    .map((part, index) => (index % 2 === 1 ? part : neutraliseControls(part)))
    .join('');
}
