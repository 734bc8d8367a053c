/**
 * A copy of `part` that does not keep the text it was cut from alive. V8 represents a substring as a view
 * into its parent, so a heading or a YAML value kept in the index would otherwise pin its whole file in memory
 * (about 120 MB at 10,000 documents). Both encodings round-trip the characters they cover unchanged; Latin-1
 * is used where it covers the text because it makes a one-byte string, half the size of a UTF-16 copy.
 */
export function detached(part: string): string {
  return LATIN1_ONLY.test(part) ? Buffer.from(part, 'latin1').toString('latin1') : Buffer.from(part, 'utf16le').toString('utf16le');
}

const LATIN1_ONLY = /^[\0-\xff]*$/;
