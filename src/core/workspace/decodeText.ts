export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns file bytes into the text an editor would show: UTF-8 without its BOM. Binary files (a NUL byte
 * near the start) and invalid UTF-8 are refused with a reason instead of being checked as garbage.
 */
export function decodeText(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    return { ok: false, reason: `it is ${formatSize(bytes.byteLength)}, over the ${formatSize(maxBytes)} limit (\`maxFileSizeKB\` in clausemark.json)` };
  }
  const sniff = bytes.subarray(0, 8192);
  if (sniff.includes(0)) return { ok: false, reason: 'it looks like a binary file, not Markdown' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text; save it as UTF-8' };
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
