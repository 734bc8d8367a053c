import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { DiagramBlock, Heading } from '../model/smsDocument.js';
import type { LineIndex } from '../text/lineIndex.js';

export interface Outline {
  readonly headings: readonly Heading[];
  readonly diagrams: readonly DiagramBlock[];
}

// markdown-it rather than remark for the outline: its block and inline parsers run in linear time on hostile
// input (a 200 KB run of `[a](` takes remark half a minute) and cap nesting depth, so one file cannot stall a
// check. Only block structure is parsed for the whole file; inline parsing runs on heading text alone.
// Past MAX_NESTING levels (a list level counts twice: the list and its item) markdown-it stops reading the enclosing block: a document built
// that way loses the headings below that point (and its `section:` claims are reported), never the check.
export const MAX_NESTING = 100;
const markdown = withMaxNesting(new MarkdownIt('commonmark').disable('inline'));
const inline = withMaxNesting(new MarkdownIt('commonmark'));

function withMaxNesting(parser: MarkdownIt): MarkdownIt {
  // A parser option its type declarations leave out (the commonmark preset sets 20).
  Object.assign(parser.options, { maxNesting: MAX_NESTING });
  return parser;
}

const DIAGRAM_LANGUAGES = new Set(['mermaid']);
/** Heading text longer than this is taken as written: anchors that long are never typed by hand. */
const MAX_INLINE_HEADING = 2000;

/**
 * Headings (with GitHub-style slugs, the anchors a `section:` names) and diagram blocks of a Markdown file.
 * `text` must have lone CR line breaks already turned into LF, so that lines here and in `lines` agree;
 * `bodyStart` is where the Markdown starts after the frontmatter.
 */
export function readOutline(text: string, lines: LineIndex, bodyStart = 0): Outline {
  // The frontmatter becomes blank lines (its fences would otherwise read as a rule and a setext heading),
  // which keeps the line numbers of everything below it.
  const body = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart);
  const tokens = markdown.parse(body, {});
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const diagrams: DiagramBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.map) {
      const content = tokens[i + 1]?.type === 'inline' ? tokens[i + 1]!.content : '';
      const headingText = inlineText(content);
      headings.push({ text: headingText, slug: slugger.slug(headingText), depth: Number(token.tag.slice(1)), range: blockRange(text, lines, token.map) });
    } else if (token.type === 'fence' && token.map) {
      const language = (token.info.trim().split(/\s+/)[0] ?? '').toLowerCase();
      // The source without the fence's last line break, as remark gave it: diagram checks count lines in it.
      if (DIAGRAM_LANGUAGES.has(language)) diagrams.push({ language, source: token.content.replace(/\n$/, ''), range: blockRange(text, lines, token.map) });
    }
  }
  return { headings, diagrams };
}

/** Heading text as a reader sees it: markup removed, link and image text kept (what GitHub slugs). */
function inlineText(content: string): string {
  if (content.length > MAX_INLINE_HEADING || !/[\\`*_[\]<>&!]/.test(content)) return content;
  const children = inline.parseInline(content, {})[0]?.children ?? [];
  return children.map(tokenText).join('');
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

/** From the first non-blank character of the block's first line to the end of its last line. */
function blockRange(text: string, lines: LineIndex, [firstLine, endLine]: [number, number]): Heading['range'] {
  const first = lines.lineRange(firstLine + 1);
  const last = lines.lineRange(Math.max(firstLine + 1, endLine));
  let start = first.start.offset;
  while (start < first.end.offset && (text[start] === ' ' || text[start] === '\t')) start++;
  let end = last.end.offset;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return lines.range(start, end);
}
