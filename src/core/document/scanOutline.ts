/** A top-level ATX heading as the scanner found it: the text still holds its inline Markdown. */
export interface ScannedHeading {
  readonly depth: number;
  /** The heading's content between the opening `#`s and any closing sequence, as written. */
  readonly content: string;
  /** Whether `content` has characters that inline Markdown could change (emphasis, code, escapes, entities, HTML). */
  readonly hasInlineMarkup: boolean;
  readonly start: number;
  readonly end: number;
}

/** A fenced code block at the top level. */
export interface ScannedFence {
  /** The first word of the info string, as written. */
  readonly language: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface ScannedOutline {
  readonly headings: readonly ScannedHeading[];
  readonly fences: readonly ScannedFence[];
}

const ATX_HEADING_START = /^#{1,6}(?:[ \t]|$)/;
const ATX_HEADING = /^(#{1,6})(?:[ ]+(.*?))?[ ]*$/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
// Any indentation: inside a list item a deeper underline still makes a setext heading.
const SETEXT_UNDERLINE = /^[ \t]*(?:=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;
// Block starts of container lines (list items, block quotes), stripped to see what they hold.
const CONTAINER_PREFIX = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|>)[ \t]*/;
// Where a line could start a heading, fence or HTML block that the scanner does not follow.
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|```|~~~|<)/;
// Characters that inline Markdown could change; other heading text stays as written.
const INLINE_MARKUP = /[\\`*_&<>![\]]/;

/**
 * Finds the top-level ATX headings and fenced code blocks of a Markdown file in one pass over its lines,
 * the way CommonMark (and so remark) reads them. Returns undefined where it is not sure: setext headings,
 * headings or fences inside lists, block quotes or HTML, indented ones, links in a heading of a file with link reference definitions,
 * unclosed fences, CR line breaks, tabs in a heading or fence. The caller then parses the file fully;
 * real SMS documents almost never need that, and a differential test holds the two readers equal.
 */
export function scanOutline(text: string): ScannedOutline | undefined {
  if (text.includes('\r') || text.includes('\0')) return undefined;
  const headings: ScannedHeading[] = [];
  const fences: ScannedFence[] = [];
  let offset = skipFrontmatter(text);
  if (offset === undefined) return undefined;
  // Without link reference definitions (`[label]: url`) a heading's links read the same on their own line.
  const hasDefinitions = text.includes(']:');
  let previousBlank = true;
  let inComment = false;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    const next = newline === -1 ? text.length : newline + 1;
    if (inComment) {
      // An HTML comment block runs to the line that holds `-->`; nothing in it is a heading.
      if (line.includes('-->')) inComment = false;
      previousBlank = false;
      offset = next;
      continue;
    }
    const first = line.charCodeAt(0);
    if (first === 35 /* # */ && ATX_HEADING_START.test(line)) {
      const heading = ATX_HEADING.exec(line);
      if (!heading || line.includes('\t')) return undefined;
      const content = closingSequenceRemoved(heading[2] ?? '');
      if (hasDefinitions && (content.includes('[') || content.includes(']'))) return undefined; // could be a link reference
      const hasInlineMarkup = INLINE_MARKUP.test(content);
      if (hasInlineMarkup && content.endsWith('#')) return undefined; // re-reading it alone would take the `#` for a closing sequence
      headings.push({ depth: heading[1]?.length ?? 1, content, hasInlineMarkup, start: offset, end: lineEnd });
      previousBlank = true; // a heading ends the paragraph before it, so the next line opens no setext heading
      offset = next;
      continue;
    } else if (first === 96 /* ` */ || first === 126 /* ~ */) {
      const fence = FENCE_OPEN.exec(line);
      if (fence) {
        const closed = readFence(text, offset, lineEnd, fence[1] ?? '', fence[2] ?? '');
        if (closed === undefined) return undefined;
        if (closed !== null) {
          fences.push(closed.fence);
          offset = closed.next;
          previousBlank = true;
          continue;
        }
      }
    } else if (first === 60 /* < */) {
      // Other HTML blocks change what follows them; `<!-->` and `<!--->` are comments only in some readings.
      if (!line.startsWith('<!--') || line.startsWith('<!-->') || line.startsWith('<!--->')) return undefined;
      if (!line.includes('-->', 4)) inComment = true;
      previousBlank = false;
      offset = next;
      continue;
    }
    const blank = BLANK.test(line);
    if (!blank && !previousBlank && SETEXT_UNDERLINE.test(line)) return undefined;
    if (!blank && isUnsureLine(line)) return undefined;
    previousBlank = blank;
    offset = next;
  }
  return { headings, fences };
}

/** Indented lines and container lines that hold a heading, fence or HTML block: the scanner does not follow nesting. */
function isUnsureLine(line: string): boolean {
  let rest = line.replace(/^[ \t]+/, '');
  if (rest.length !== line.length && BLOCK_START.test(rest)) return true;
  for (let prefix = CONTAINER_PREFIX.exec(rest); prefix && prefix[0].length > 0; prefix = CONTAINER_PREFIX.exec(rest)) {
    rest = rest.slice(prefix[0].length);
    if (SETEXT_UNDERLINE.test(rest) || BLOCK_START.test(rest)) return true;
  }
  return false;
}

function trimSpacesEnd(text: string): string {
  return text.replace(/[ \t]+$/, '');
}

/** Skips YAML frontmatter the way remark-frontmatter reads it; undefined when its fences are unusual. */
function skipFrontmatter(text: string): number | undefined {
  if (!text.startsWith('---')) return 0;
  if (!text.startsWith('---\n')) return /^-{3,}[ \t]*(?:\n|$)/.test(text) ? undefined : 0;
  const close = text.indexOf('\n---', 3);
  if (close === -1 || close === 3) return undefined;
  const afterFence = close + 4;
  if (afterFence === text.length) return afterFence;
  if (text.charCodeAt(afterFence) !== 10) return undefined; // `----` or `--- x`: not a plain closing fence
  return afterFence + 1;
}

/** The heading content without a closing `#` sequence (CommonMark: only when a space precedes it, or it is all of the content). */
function closingSequenceRemoved(content: string): string {
  const trimmed = trimSpacesEnd(content);
  let cut = trimmed.length;
  while (cut > 0 && trimmed.charCodeAt(cut - 1) === 35) cut--;
  if (cut === trimmed.length) return trimmed;
  if (cut === 0) return '';
  if (trimmed.charCodeAt(cut - 1) === 32) return trimSpacesEnd(trimmed.slice(0, cut));
  return trimmed;
}

/**
 * Reads a fenced block whose opening line is at `start`. Returns null when the line is no fence after all
 * (a backtick fence with a backtick in its info string), undefined when the fence is unusual or never closed.
 */
function readFence(text: string, start: number, openEnd: number, marker: string, info: string): { fence: ScannedFence; next: number } | null | undefined {
  if (marker.startsWith('`') && info.includes('`')) return null;
  if (info.includes('\t') || info.includes('\\') || info.includes('&')) return undefined;
  const language = info.trim().split(' ')[0] ?? '';
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  const content: string[] = [];
  let offset = openEnd + 1;
  while (openEnd < text.length && offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    if (closing.test(line)) {
      return { fence: { language, value: content.join('\n'), start, end: lineEnd }, next: newline === -1 ? text.length : newline + 1 };
    }
    content.push(line);
    if (newline === -1) break;
    offset = newline + 1;
  }
  return undefined;
}
