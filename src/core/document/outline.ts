import GithubSlugger from 'github-slugger';
import type { Code, Heading as MdastHeading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { DiagramBlock, Heading } from '../model/smsDocument.js';
import { detached } from '../text/detached.js';
import type { LineIndex } from '../text/lineIndex.js';
import { scanOutline, type ScannedOutline } from './scanOutline.js';

export interface Outline {
  readonly headings: readonly Heading[];
  readonly diagrams: readonly DiagramBlock[];
}

// Frontmatter support keeps the YAML block out of the Markdown tree (its fences would otherwise read as
// a thematic break and a setext heading), so the positions of everything below it stay right.
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

const DIAGRAM_LANGUAGES = new Set(['mermaid']);

/**
 * Headings (with GitHub-style slugs, the anchors a `section:` names) and diagram blocks of a Markdown file.
 * A line scanner reads them when it is sure (about a hundred times faster than a full parse, which bounds a
 * cold check); anything it is not sure of goes to remark, and both give the same outline.
 */
export function readOutline(text: string, lines: LineIndex): Outline {
  const scanned = scanOutline(text);
  return scanned ? outlineFromScan(scanned, lines) : readOutlineWithRemark(text, lines);
}

/** The outline from a full remark parse: the reference the scanner is held to. */
export function readOutlineWithRemark(text: string, lines: LineIndex): Outline {
  const tree = markdownParser.parse(text) as Root;
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
      if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  return { headings, diagrams };
}

function outlineFromScan(scanned: ScannedOutline, lines: LineIndex): Outline {
  const slugger = new GithubSlugger();
  const inline = inlineTexts(scanned.headings.filter((heading) => heading.hasInlineMarkup).map((heading) => heading.content));
  const headings = scanned.headings.map((heading): Heading => {
    const text = detached(heading.hasInlineMarkup ? (inline.shift() ?? heading.content) : heading.content);
    return { text, slug: slugger.slug(text), depth: heading.depth, range: lines.range(heading.start, heading.end) };
  });
  const diagrams = scanned.fences.flatMap((fence): DiagramBlock[] => {
    const language = fence.language.toLowerCase();
    return DIAGRAM_LANGUAGES.has(language) ? [{ language, source: detached(fence.value), range: lines.range(fence.start, fence.end) }] : [];
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
  const tree = markdownParser.parse(contents.map((content) => `# ${content}`).join('\n')) as Root;
  const texts = tree.children.map((node) => (node.type === 'heading' ? toString(node) : undefined));
  return texts.length === contents.length && texts.every((text) => text !== undefined) ? (texts as string[]) : contents.map((content) => inlineText(content));
}

function inlineText(content: string): string {
  const heading = (markdownParser.parse(`# ${content}`) as Root).children[0];
  return heading?.type === 'heading' ? toString(heading) : content;
}

function toHeading(node: MdastHeading, slugger: GithubSlugger, lines: LineIndex): Heading {
  const text = detached(toString(node));
  return {
    text,
    slug: slugger.slug(text),
    depth: node.depth,
    range: lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
  };
}

function toDiagram(node: Code, lines: LineIndex): DiagramBlock | undefined {
  const language = (node.lang ?? '').toLowerCase();
  if (!DIAGRAM_LANGUAGES.has(language)) return undefined;
  return { language, source: detached(node.value), range: lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0) };
}
