import GithubSlugger from 'github-slugger';
import type { Code, Heading as MdastHeading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { DiagramBlock, Heading } from '../model/smsDocument.js';
import type { LineIndex } from '../text/lineIndex.js';

export interface Outline {
  readonly headings: readonly Heading[];
  readonly diagrams: readonly DiagramBlock[];
}

// Frontmatter support keeps the YAML block out of the Markdown tree (its fences would otherwise read as
// a thematic break and a setext heading), so the positions of everything below it stay right.
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

const DIAGRAM_LANGUAGES = new Set(['mermaid']);

/** Headings (with GitHub-style slugs, the anchors a `section:` names) and diagram blocks of a Markdown file. */
export function readOutline(text: string, lines: LineIndex): Outline {
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

function toHeading(node: MdastHeading, slugger: GithubSlugger, lines: LineIndex): Heading {
  const text = toString(node);
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
  return { language, source: node.value, range: lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0) };
}
