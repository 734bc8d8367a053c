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
  /** False for a header read without an opening `---` (`frontmatter.openingFence: optional`). */
  readonly openingFence: boolean;
}

/** Whether a YAML header must open with `---` (the default), or may start on line 1 without it. */
export type OpeningFence = 'required' | 'optional';

const CLOSING_FENCE = /^---[ \t]*$/;

// gray-matter evaluates a `---js` block and hands other languages to parsers that may throw. It is therefore
// given only blocks already known to be YAML, with every engine it knows replaced by one that does nothing:
// it never evaluates or parses anything itself (we parse the YAML with positions).
const inert = { parse: (): object => ({}), stringify: (): string => '' };
const YAML_ONLY = {
  language: 'yaml',
  engines: { yaml: inert, json: inert, javascript: inert, js: inert, coffee: inert, coffeescript: inert, cson: inert, toml: inert },
};

/** The raw block gray-matter reads after a `---`/`---yaml` fence, or undefined if it finds none. */
function grayMatterBlock(text: string): string | undefined {
  try {
    return (matter(text, YAML_ONLY) as { matter?: string }).matter;
  } catch {
    return undefined;
  }
}

/**
 * Finds the frontmatter at the very top of a file (after a BOM, if any). Text that merely contains a
 * `---` line further down is Markdown (a thematic break), not frontmatter.
 */
export function findFrontmatter(text: string, openingFence: OpeningFence = 'required'): FrontmatterBlock | undefined {
  // A `---js`, `---json` or other non-YAML block is found by scanning for the fences alone (see YAML_ONLY).
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bomLength)) return openingFence === 'optional' ? findUnopenedHeader(text, bomLength) : undefined;
  if (text.charAt(bomLength + 3) === '-') return undefined; // `----…` opens no frontmatter
  const firstLineEnd = lineEnd(text, bomLength);
  const language =
    text
      .slice(bomLength + 3, firstLineEnd)
      .replace(/\r$/, '')
      .trim() || 'yaml';
  const yamlStart = firstLineEnd;
  let closeFenceStart: number | undefined;
  if (firstLineEnd < text.length && language === 'yaml') {
    // gray-matter ends the block at the first line that merely starts with `---`; accept only a real fence there.
    const block = grayMatterBlock(text.slice(bomLength));
    const matterStart = text.charCodeAt(firstLineEnd - 1) === 13 ? firstLineEnd - 1 : firstLineEnd;
    const candidate = block === undefined ? undefined : matterStart + block.length + 1;
    closeFenceStart = candidate !== undefined && candidate <= text.length && isFenceLine(text, candidate) ? candidate : scanForFence(text, yamlStart);
  } else if (firstLineEnd < text.length) {
    closeFenceStart = scanForFence(text, yamlStart);
  }
  if (closeFenceStart === undefined) {
    return { language, yamlStart, yamlEnd: text.length, blockEnd: text.length, closeFenceStart: undefined, openingFence: true };
  }
  return closedBlock(text, language, yamlStart, closeFenceStart, true);
}

// The first line of a header without its opening fence: a `key:` of a YAML mapping. Anything else (a heading,
// prose, a list) is Markdown, whatever `---` lines follow.
const FIRST_KEY_LINE = /^[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|\r?$)/;

/**
 * A header written for tools that need no opening fence: `key: value` lines from line 1 up to the first `---`
 * line. Without that closing line (or without a `key:` on line 1) the file is ordinary Markdown.
 */
function findUnopenedHeader(text: string, bomLength: number): FrontmatterBlock | undefined {
  if (!FIRST_KEY_LINE.test(text.slice(bomLength, lineEnd(text, bomLength)))) return undefined;
  const closeFenceStart = scanForFence(text, bomLength);
  return closeFenceStart === undefined ? undefined : closedBlock(text, 'yaml', bomLength, closeFenceStart, false);
}

function closedBlock(text: string, language: string, yamlStart: number, closeFenceStart: number, openingFence: boolean): FrontmatterBlock {
  const closeEnd = lineEnd(text, closeFenceStart);
  const blockEnd = closeEnd < text.length ? closeEnd + 1 : closeEnd;
  // In a CRLF file the line break before the fence starts at its CR: a CR left at the end of the YAML would be
  // read as content and break a last line that ends in a quote or a bracket.
  const lineBreak = text.charCodeAt(closeFenceStart - 2) === 13 ? 2 : 1;
  return { language, yamlStart, yamlEnd: Math.max(yamlStart, closeFenceStart - lineBreak), blockEnd, closeFenceStart, openingFence };
}

/**
 * The text with a header that has no opening fence turned into blank lines (line numbers and offsets kept): the
 * Markdown readers would otherwise take its closing `---` for a setext underline.
 */
export function blankHeader(text: string, block: FrontmatterBlock): string {
  return text.slice(0, block.blockEnd).replace(/[^\r\n]/g, ' ') + text.slice(block.blockEnd);
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
