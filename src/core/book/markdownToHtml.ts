import type { Element, ElementContent, Properties, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { posix } from 'node:path';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** How one document's links and ids fit into the book. */
export interface BookLinking {
  /** The document's repository-relative path (links are resolved from its folder). */
  readonly path: string;
  /** The anchor of the document's section (`doc-PRC-CHG`); its headings' ids start with it. */
  readonly anchor: string;
  /** The frontmatter title: a first `#` heading saying the same is left out (the book shows the title). */
  readonly title: string;
  /** The section anchor of every document in the book, by repository-relative path. */
  readonly anchorOf: (path: string) => string | undefined;
}

// The sanitiser keeps ids as written (no `user-content-` clobber prefix): `inBook` prefixes every id and
// fragment with the document's anchor afterwards, which keeps ids apart and links between them working.
const SCHEMA = { ...defaultSchema, clobberPrefix: '' };

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  // Tables, task lists, footnotes and autolinks, as GitHub shows the documents.
  .use(remarkGfm)
  // Raw HTML in a document is dropped here (no allowDangerousHtml); what is left is sanitised below.
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, SCHEMA)
  .use(rehypeStringify);

/**
 * A document's Markdown (with its frontmatter) as the HTML of its section in the book: sanitised (no raw HTML,
 * no `javascript:` or other unsafe link, no event handler survives), headings one level down under the
 * document's title, ids and internal links rewritten to the book's anchors, mermaid blocks ready to draw, and
 * images shown as their description (the book loads nothing).
 */
export function markdownToBookHtml(markdown: string, linking: BookLinking): string {
  const tree = processor.runSync(processor.parse(markdown));
  inBook(tree, linking);
  return processor.stringify(tree);
}

function inBook(tree: Root, linking: BookLinking): void {
  const first = tree.children.find((node) => node.type === 'element');
  if (first && first.tagName === 'h1' && textOf(first).trim() === linking.title.trim()) tree.children.splice(tree.children.indexOf(first), 1);
  const slugger = new GithubSlugger();
  const rewrite = (parent: Root | Element): void => {
    parent.children = parent.children.map((child) => (child.type === 'element' ? rewriteElement(child, linking, slugger, rewrite) : child));
  };
  rewrite(tree);
}

function rewriteElement(element: Element, linking: BookLinking, slugger: GithubSlugger, rewriteChildren: (parent: Element) => void): ElementContent {
  const heading = /^h([1-6])$/.exec(element.tagName);
  if (heading) {
    element.tagName = `h${Math.min(Number(heading[1]) + 1, 6)}`;
    element.properties = { ...element.properties, id: `${linking.anchor}-${slugger.slug(textOf(element))}` };
  } else if (typeof element.properties.id === 'string') {
    element.properties = { ...element.properties, id: `${linking.anchor}-${element.properties.id}` };
  }
  for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
    const value = element.properties[key];
    if (Array.isArray(value)) element.properties[key] = value.map((part) => `${linking.anchor}-${String(part)}`);
  }
  if (element.tagName === 'img')
    return {
      type: 'element',
      tagName: 'span',
      properties: { className: ['image'] },
      children: [{ type: 'text', value: `[image: ${String(element.properties.alt ?? '')}]` }],
    };
  if (element.tagName === 'pre' && isMermaid(element))
    return { type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: textOf(element) }] };
  if (element.tagName === 'a') element.properties = linkProperties(element.properties, linking);
  rewriteChildren(element);
  return element;
}

/** An internal link points at the book's copy; a link to a file outside the book stops being a link. */
function linkProperties(properties: Properties, linking: BookLinking): Properties {
  const href = properties.href;
  if (typeof href !== 'string') return properties;
  const { href: _dropped, ...rest } = properties;
  if (href.startsWith('#')) return { ...rest, href: `#${linking.anchor}-${href.slice(1)}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return properties;
  const [pathPart = '', fragment] = href.split('#', 2);
  let target: string;
  try {
    target = posix.normalize(posix.join(posix.dirname(linking.path), decodeURIComponent(pathPart)));
  } catch {
    return { ...rest, title: href };
  }
  const anchor = pathPart === '' ? linking.anchor : linking.anchorOf(target);
  if (anchor === undefined) return { ...rest, title: `${target} (not in this book)` };
  return { ...rest, href: fragment ? `#${anchor}-${fragment}` : `#${anchor}` };
}

function isMermaid(pre: Element): boolean {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const classes = code?.properties.className;
  return Array.isArray(classes) && classes.includes('language-mermaid');
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
