/** Where the YAML frontmatter sits in a file. Offsets are into the text as given. */
export interface FrontmatterBlock {
  /** The frontmatter's language when the opening fence names one (`---yaml`); `yaml` when it does not. */
  readonly language: string;
  /** Offset where the YAML text starts (the line break that ends the opening fence). */
  readonly yamlStart: number;
  /** Offset where the YAML text ends (the line break before the closing fence). */
  readonly yamlEnd: number;
  /** Offset just past the closing fence line, or the end of the file when the block is not closed. */
  readonly blockEnd: number;
  /** Offset where the closing fence starts; undefined when the block is never closed. */
  readonly closeFenceStart: number | undefined;
}

const CLOSING_FENCE = /^---[ \t]*$/;

/**
 * Finds the frontmatter at the very top of a file (after a BOM, if any). Text that merely contains a
 * `---` line further down is Markdown (a thematic break), not frontmatter.
 */
export function findFrontmatter(text: string): FrontmatterBlock | undefined {
  // Found by scanning for the fences, never with gray-matter: it hands a `---js` block to `eval` and a
  // `---json` or `---anything` block to a parser that throws, so one document could run code or stop the check.
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bomLength) || text.charAt(bomLength + 3) === '-') return undefined; // `----…` opens no frontmatter
  const firstLineEnd = lineEnd(text, bomLength);
  const language = text.slice(bomLength + 3, firstLineEnd).replace(/\r$/, '').trim() || 'yaml';
  const yamlStart = firstLineEnd;
  const closeFenceStart = firstLineEnd === text.length ? undefined : scanForFence(text, yamlStart);
  if (closeFenceStart === undefined) {
    return { language, yamlStart, yamlEnd: text.length, blockEnd: text.length, closeFenceStart: undefined };
  }
  const closeEnd = lineEnd(text, closeFenceStart);
  const blockEnd = closeEnd < text.length ? closeEnd + 1 : closeEnd;
  // In a CRLF file the line break before the fence starts at its CR: a CR left at the end of the YAML would be
  // read as content and break a last line that ends in a quote or a bracket.
  const lineBreak = text.charCodeAt(closeFenceStart - 2) === 13 ? 2 : 1;
  return { language, yamlStart, yamlEnd: Math.max(yamlStart, closeFenceStart - lineBreak), blockEnd, closeFenceStart };
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function isFenceLine(text: string, start: number): boolean {
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return false;
  return CLOSING_FENCE.test(text.slice(start, lineEnd(text, start)).replace(/\r$/, ''));
}

function scanForFence(text: string, from: number): number | undefined {
  let start = text.indexOf('\n', from) + 1;
  while (start > 0 && start <= text.length) {
    if (isFenceLine(text, start)) return start;
    const next = text.indexOf('\n', start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  return undefined;
}
