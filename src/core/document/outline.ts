import GithubSlugger from 'github-slugger';
import type { Code, Heading as MdastHeading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { DiagramBlock, Heading } from '../model/smsDocument.js';
import { OutlineHeading } from '../model/outlineHeading.js';
import { detached } from '../text/detached.js';
import { sharedString } from '../text/sharedStrings.js';
import type { LineIndex } from '../text/lineIndex.js';
import { findFrontmatter } from './frontmatterBlock.js';
import { scanOutline, type ScannedOutline } from './scanOutline.js';

export interface Outline {
  readonly headings: readonly Heading[];
  readonly diagrams: readonly DiagramBlock[];
}

// Frontmatter support keeps the YAML block out of the Markdown tree (its fences would otherwise read as
// a thematic break and a setext heading), so the positions of everything below it stay right.
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

const DIAGRAM_LANGUAGES = new Set(['mermaid']);

// What the scanner is unsure of goes to remark when the file is small and ordinary, else to markdown-it: it runs in linear time on hostile input
// (200 KB of `[a](` after an HTML block takes remark half a minute) and caps nesting, so one file cannot stall a
// check. Past MAX_NESTING levels (a list level counts twice: the list and its item) it stops reading the
// enclosing block: such a document loses the headings below that point, never the check.
export const MAX_NESTING = 100;
const markdownBlocks = withMaxNesting(new MarkdownIt('commonmark').disable('inline'));
const markdownInline = withMaxNesting(new MarkdownIt('commonmark'));
/** Heading text longer than this is taken as written: its inline parse would cost more than any anchor is worth. */
const MAX_INLINE_HEADING = 2000;

function withMaxNesting(parser: MarkdownIt): MarkdownIt {
  // A parser option its type declarations leave out (the commonmark preset sets 20).
  Object.assign(parser.options, { maxNesting: MAX_NESTING });
  return parser;
}

/**
 * Headings (with GitHub-style slugs, the anchors a `section:` names) and diagram blocks of a Markdown file.
 * A line scanner reads them when it is sure (about a hundred times faster than a full parse, which bounds a
 * cold check); anything it is not sure of goes to remark, and both give the same outline.
 */
export function readOutline(text: string, lines: LineIndex): Outline {
  const scanned = scanOutline(text);
  if (scanned) return outlineFromScan(scanned, lines);
  return remarkIsSafeFor(text) ? readOutlineWithRemark(text, lines) : readOutlineWithMarkdownIt(text, lines);
}

/**
 * Remark stays the reference for small, ordinary files; it is superlinear (and can run out of stack) on long
 * lines and long runs of markup characters, which go to markdown-it instead. Checked in one linear pass.
 */
function remarkIsSafeFor(text: string): boolean {
  return text.length <= REMARK_MAX_LENGTH && !REMARK_HOSTILE.test(text);
}

const REMARK_MAX_LENGTH = 16 * 1024;
// A line over 1,000 characters, or 32 markup characters in a row.
const REMARK_HOSTILE = /[^\n]{1001}|[>*_[\]<`!(){}\\-]{32}/;

/** The outline from markdown-it's block parse, for files the scanner is not sure of. */
export function readOutlineWithMarkdownIt(text: string, lines: LineIndex): Outline {
  // The frontmatter becomes blank lines (its fences would otherwise read as a rule and a setext heading),
  // which keeps the line numbers of everything below it.
  const bodyStart = findFrontmatter(text)?.blockEnd ?? 0;
  const body = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart);
  const tokens = markdownBlocks.parse(body, {});
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const diagrams: DiagramBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.map) {
      const content = tokens[i + 1]?.type === 'inline' ? tokens[i + 1]!.content : '';
      const headingText = sharedString(markdownItInlineText(content));
      const range = blockRange(text, lines, token.map);
      headings.push(OutlineHeading.next(headingText, Number(token.tag.slice(1)), { start: range.start.offset, end: range.end.offset }, lines, slugger));
    } else if (token.type === 'fence' && token.map) {
      const language = (token.info.trim().split(/\s+/)[0] ?? '').toLowerCase();
      // The source without the fence's last line break, as remark gives it: diagram checks count lines in it.
      if (DIAGRAM_LANGUAGES.has(language))
        diagrams.push({ language, source: detached(token.content.replace(/\n$/, '')), range: blockRange(text, lines, token.map, false) });
    }
  }
  return { headings, diagrams };
}

function markdownItInlineText(content: string): string {
  if (content.length > MAX_INLINE_HEADING || !/[\\`*_[\]<>&!]/.test(content)) return content;
  return (markdownInline.parseInline(content, {})[0]?.children ?? []).map(tokenText).join('');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'code_inline':
    case 'html_inline':
      return token.content;
    case 'image':
      return (token.children ?? []).map(tokenText).join('');
    case 'softbreak':
      return '\n';
    default:
      return '';
  }
}

// Quote markers and list markers before a block on its first line: the block starts after them, as in remark.
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;

/** From the block's first character on its first line (after any quote or list markers) to the end of its last line. */
function blockRange(text: string, lines: LineIndex, [firstLine, endLine]: [number, number], trimEnd = true): Heading['range'] {
  const first = lines.lineRange(firstLine + 1);
  const last = lines.lineRange(Math.max(firstLine + 1, endLine));
  const start = first.start.offset + (CONTAINER_MARKERS.exec(text.slice(first.start.offset, first.end.offset))?.[0].length ?? 0);
  let end = last.end.offset;
  // A heading ends at its text; a code block at the end of its closing fence line, spaces included (as in remark).
  while (trimEnd && end > start && /\s/.test(text.charAt(end - 1))) end--;
  return lines.range(start, end);
}

/** The outline from a full remark parse: the reference the scanner is held to in tests. */
export function readOutlineWithRemark(text: string, lines: LineIndex): Outline {
  const tree = markdownParser.parse(text);
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const diagrams: DiagramBlock[] = [];
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading') headings.push(toHeading(node, slugger, lines));
      else if (node.type === 'code') {
        const diagram = toDiagram(node, lines);
        if (diagram) diagrams.push(diagram);
      }
      if ('children' in node) visit(node.children);
    }
  };
  visit(tree.children);
  return { headings, diagrams };
}

function outlineFromScan(scanned: ScannedOutline, lines: LineIndex): Outline {
  const slugger = new GithubSlugger();
  // A heading too long to be an anchor anyone types is taken as written: remark's inline parse is quadratic on some input.
  const parsed = (heading: ScannedOutline['headings'][number]): boolean => heading.hasInlineMarkup && heading.content.length <= MAX_INLINE_HEADING;
  const inline = inlineTexts(scanned.headings.filter(parsed).map((heading) => heading.content));
  const headings = scanned.headings.map((heading): Heading => {
    const text = sharedString(parsed(heading) ? (inline.shift() ?? heading.content) : heading.content);
    return OutlineHeading.next(text, heading.depth, heading, lines, slugger);
  });
  const diagrams = scanned.fences.flatMap((fence): DiagramBlock[] => {
    const language = fence.language.toLowerCase();
    return DIAGRAM_LANGUAGES.has(language)
      ? [{ language: sharedString(language), source: detached(fence.value), range: lines.range(fence.start, fence.end) }]
      : [];
  });
  return { headings, diagrams };
}

/**
 * The plain text of headings' inline content (emphasis, code, escapes, entities, links), as remark reads it.
 * One parse for all of a file's such headings: each is a one-line block, so they cannot affect each other,
 * and the scanner has made sure the file has no link reference definitions they could use.
 */
function inlineTexts(contents: readonly string[]): string[] {
  if (contents.length === 0) return [];
  const tree = markdownParser.parse(contents.map((content) => `# ${content}`).join('\n'));
  const texts = tree.children.map((node) => (node.type === 'heading' ? toString(node) : undefined));
  return texts.length === contents.length && texts.every((text) => text !== undefined) ? texts : contents.map((content) => inlineText(content));
}

function inlineText(content: string): string {
  const heading = markdownParser.parse(`# ${content}`).children[0];
  return heading?.type === 'heading' ? toString(heading) : content;
}

function toHeading(node: MdastHeading, slugger: GithubSlugger, lines: LineIndex): Heading {
  const range = { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
  return OutlineHeading.next(sharedString(toString(node)), node.depth, range, lines, slugger);
}

function toDiagram(node: Code, lines: LineIndex): DiagramBlock | undefined {
  const language = (node.lang ?? '').toLowerCase();
  if (!DIAGRAM_LANGUAGES.has(language)) return undefined;
  return { language, source: detached(node.value), range: lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0) };
}
