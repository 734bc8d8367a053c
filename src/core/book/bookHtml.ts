import { escapeHtml, htmlHead, HTML_STYLE } from '../reports/coverageHtml.js';
import { inlineScript } from '../reports/auditHtml.js';
import type { BookDocument, DocumentBook } from './documentBook.js';

export interface BookHtmlOptions {
  /** The mermaid library (`mermaid/dist/mermaid.min.js`), inlined so the book needs no network. */
  readonly mermaidScript: string;
  /** A fresh random value per book; only scripts carrying it may run (the CSP says so). */
  readonly nonce: string;
}

/** The id of the `<style>` holding the running header and page numbers; a PDF printer with its own removes it. */
export const PAGE_BOXES_STYLE_ID = 'page-boxes';

const BOOK_STYLE = `
@page { size: A4 portrait; margin: 20mm 16mm 18mm; }
body { max-width: 60rem; }
.cover { min-height: 80vh; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 2.2rem; margin: 0 0 1rem; }
.cover .scope { font-size: 1.1rem; max-width: 40rem; }
nav.toc ol { padding-left: 1.5rem; }
nav.toc li { margin: .2rem 0; }
nav.toc .version { color: #59636e; }
section.document { margin-top: 3rem; }
section.document > h1 { font-size: 1.6rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem; }
table.control { width: auto; margin-bottom: 1.5rem; }
table.control th { text-align: left; width: 9rem; }
.body h2 { font-size: 1.3rem; }
.body h3 { font-size: 1.1rem; }
.body pre:not(.mermaid) { background: #f6f8fa; padding: .5rem; overflow-x: auto; }
pre.mermaid { white-space: pre; font-size: .75rem; }
pre.mermaid svg { max-width: 100%; height: auto; }
.image { color: #59636e; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; }
  .cover { min-height: 0; padding-top: 30%; }
  nav.toc { break-before: page; page-break-before: always; }
  section.document { break-before: page; page-break-before: always; margin-top: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table.control, pre, figure, tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * The book as one self-contained HTML page: a cover (organisation, scope, revision, date), a table of contents,
 * then each document with its control block before its body. The same strict CSP as the audit pack: only the
 * page's own nonce-bearing scripts (mermaid and the call that draws the diagrams) run, nothing is loaded.
 */
export function renderBookHtml(book: DocumentBook, options: BookHtmlOptions): string {
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
  return `${htmlHead({ title: book.title, toolVersion: book.toolVersion, csp, style: HTML_STYLE + BOOK_STYLE })}
<style id="${PAGE_BOXES_STYLE_ID}">
@page {
  @top-left { content: ${cssString(book.title)}; font-size: 8pt; color: #59636e; }
  @top-right { content: ${cssString(revisionText(book))}; font-size: 8pt; color: #59636e; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #59636e; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
</style>
<style>
${book.documents.map(documentPage).join('\n')}
</style>
<body>
<header class="cover" id="cover">
<h1>${escapeHtml(book.title)}</h1>
${book.scope !== undefined ? `<p class="scope">${escapeHtml(book.scope)}</p>` : ''}
<p class="meta">${book.documents.length} controlled ${book.documents.length === 1 ? 'document' : 'documents'} of the service management system, against ${escapeHtml(book.catalog.title)}.</p>
<p class="meta">Built on ${escapeHtml(book.generatedOn)} from ${escapeHtml(revisionText(book))} by Clausemark ${escapeHtml(book.toolVersion)}.</p>
</header>
<nav class="toc" aria-label="Contents">
<h2>Contents</h2>
<ol>
${book.documents.map((document) => `<li><a href="#${escapeHtml(document.anchor)}"><code>${escapeHtml(document.control.id)}</code> ${escapeHtml(document.control.title)}</a>${document.control.version !== undefined ? ` <span class="version">version ${escapeHtml(document.control.version)}</span>` : ''}</li>`).join('\n')}
</ol>
</nav>
<main>
${book.documents.map(documentSection).join('\n')}
</main>
<script nonce="${nonce}">${inlineScript(options.mermaidScript)}</script>
<script nonce="${nonce}">
(function () {
  var done = function (state) { document.body.setAttribute('data-diagrams', state); };
  if (document.querySelector('pre.mermaid') === null) { done('none'); return; }
  if (typeof mermaid === 'undefined') { done('unavailable'); return; }
  // Diagrams are written by document authors: labels are SVG text, never HTML (an <img> in a label would load).
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', htmlLabels: false, flowchart: { htmlLabels: false, useMaxWidth: true } });
  // One diagram that does not parse must not keep the others from being drawn: each fails on its own.
  mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true }).then(function () { done('rendered'); }, function (error) { done('failed'); console.error(error); });
})();
</script>
</body>
</html>
`;
}

/**
 * Each document prints on pages of its own name, whose running header says which document, version and approval
 * the page belongs to (CSS named pages with margin boxes, which Chromium prints since version 131).
 */
function documentPage(document: BookDocument, index: number): string {
  return `#${document.anchor} { page: document-${index}; }
@page document-${index} { @top-left { content: ${cssString(runningHeader(document))}; font-size: 8pt; color: #59636e; } }`;
}

/** `PRC-CHG version 3.2, approved by Head of Operations on 2026-02-24`: what each page of a document says of it. */
export function runningHeader(document: BookDocument): string {
  const control = document.control;
  const approval =
    control.approvedBy !== undefined
      ? `, approved by ${control.approvedBy}${control.approvedOn !== undefined ? ` on ${control.approvedOn}` : ''}`
      : `, ${control.status ?? 'no status'}`;
  return `${control.id}${control.version !== undefined ? ` version ${control.version}` : ''}${approval}`;
}

/** `git 1a2b3c…`, with a note when the working tree had changes, or that it is not from git. */
export function revisionText(book: DocumentBook): string {
  return book.revision ? `git ${book.revision.commit.slice(0, 12)}${book.revision.dirty ? ' with uncommitted changes' : ''}` : 'not a git revision';
}

function documentSection(document: BookDocument): string {
  const control = document.control;
  const rows: [string, string | undefined][] = [
    ['Id', control.id],
    ['Version', control.version],
    ['Type', control.type],
    ['Owner', control.owner],
    ['Status', control.status],
    ['Approved by', control.approvedBy],
    ['Approved on', control.approvedOn],
    ['Next review', control.nextReview],
    ...(control.date !== undefined ? ([['Date', control.date]] as [string, string][]) : []),
    ['Clauses', document.clauses.join(', ')],
    ['File', control.path],
  ];
  return `<section class="document" id="${escapeHtml(document.anchor)}" data-document-id="${escapeHtml(control.id)}">
<h1>${escapeHtml(control.title)}</h1>
<table class="control" aria-label="Document control">
<tbody>
${rows.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value === undefined || value === '' ? '<span class="none">—</span>' : escapeHtml(value)}</td></tr>`).join('\n')}
</tbody>
</table>
<div class="body">
${document.html}
</div>
</section>`;
}

/** Text as a CSS string literal: quotes, backslashes, line breaks and `<` escaped, so it cannot end the rule or the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}
