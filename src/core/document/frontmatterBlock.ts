import matter from 'gray-matter';

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

// gray-matter parses with js-yaml unless given an engine; we parse with `yaml` for source positions,
// so its engines only need to return something. Passing options also keeps gray-matter's global cache off.
const SPLIT_ONLY = {
  engines: {
    yaml: { parse: (): object => ({}), stringify: (): string => '' },
  },
};

const CLOSING_FENCE = /^---[ \t]*$/;

/**
 * Finds the frontmatter at the very top of a file (after a BOM, if any). Text that merely contains a
 * `---` line further down is Markdown (a thematic break), not frontmatter.
 */
export function findFrontmatter(text: string): FrontmatterBlock | undefined {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bomLength) || !matter.test(text.slice(bomLength))) return undefined;
  const parsed: { matter?: string } = matter(text.slice(bomLength), SPLIT_ONLY);
  if (parsed.matter === undefined) return undefined; // `----…` opens no frontmatter
  const firstLineEnd = lineEnd(text, bomLength);
  const language = text.slice(bomLength + 3, firstLineEnd).replace(/\r$/, '').trim();
  const yamlStart = firstLineEnd;
  if (firstLineEnd === text.length) {
    return { language: language || 'yaml', yamlStart, yamlEnd: text.length, blockEnd: text.length, closeFenceStart: undefined };
  }
  // gray-matter's block starts where the opening line's text ends (before `\r\n` or `\n`) and stops
  // before the `\n` of the first line that merely starts with `---`; accept only a real fence there.
  const matterStart = text.charCodeAt(firstLineEnd - 1) === 13 ? firstLineEnd - 1 : firstLineEnd;
  let closeFenceStart: number | undefined = matterStart + parsed.matter.length + 1;
  if (closeFenceStart > text.length || !isFenceLine(text, closeFenceStart)) closeFenceStart = scanForFence(text, yamlStart);
  if (closeFenceStart === undefined) {
    return { language: language || 'yaml', yamlStart, yamlEnd: text.length, blockEnd: text.length, closeFenceStart: undefined };
  }
  const closeEnd = lineEnd(text, closeFenceStart);
  const blockEnd = closeEnd < text.length ? closeEnd + 1 : closeEnd;
  // The YAML ends before the line break that precedes the closing fence: `\n`, or `\r\n` in CRLF files.
  let yamlEnd = Math.max(yamlStart, closeFenceStart - 1);
  if (yamlEnd > yamlStart && text.charCodeAt(yamlEnd - 1) === 13) yamlEnd--;
  return { language: language || 'yaml', yamlStart, yamlEnd, blockEnd, closeFenceStart };
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
