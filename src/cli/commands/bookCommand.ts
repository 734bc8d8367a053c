import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildDocumentBook,
  describeHead,
  escapeHtml,
  PAGE_BOXES_STYLE_ID,
  renderBookHtml,
  revisionText,
  type CheckResult,
  type DocumentBook,
} from '../../core/index.js';
import { findBrowser, isExecutableFile, NO_BROWSER_HINT, printToPdf } from '../chromePdf.js';
import type { CliIo } from '../cliIo.js';
import { mermaidScriptPath } from '../mermaidScript.js';
import { CHECK_OPTIONS, runCheckWith } from '../runCheck.js';
import { TOOL_VERSION } from '../toolVersion.js';
import { UsageError } from '../usageError.js';
import { mayWrite, writeNewFile } from '../writeOutput.js';

export const BOOK_USAGE = `Usage: clausemark book [paths…] [options]

Renders the SMS documents (all of them, or those under the given paths) into one self-contained
HTML book: a cover (organisation and scope from clausemark.json, the git revision and the date),
a table of contents, and each document with its control block (id, version, owner, status,
approval, next review, clauses) before its body. Diagrams are drawn, links between documents
lead inside the book, and it prints with page breaks, a running header and page numbers.

Options:
  --output DIR         the folder to write book.html (and book.pdf) into (default: book)
  --pdf                also print book.pdf with a Chrome or Chromium installed on this machine
                       (found on the PATH: chromium, chromium-browser, google-chrome,
                       google-chrome-stable); without one, exit 2 after writing the HTML
  --browser PATH       the Chrome or Chromium to print with (implies --pdf)
  --force              replace an existing book (it is never replaced otherwise)
  --config FILE        use this clausemark.json instead of looking upwards for one
  --today YYYY-MM-DD   judge review dates as of this day
  --no-cache           read every file afresh
  -h, --help           show this help

Clausemark never downloads a browser.
`;

export async function bookCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...CHECK_OPTIONS, pdf: { type: 'boolean', default: false }, browser: { type: 'string' } },
  });
  if (values.help) {
    io.writeStdout(BOOK_USAGE);
    return 0;
  }
  const wantsPdf = values.pdf || values.browser !== undefined;
  if (values.browser !== undefined && !(await isExecutableFile(resolve(io.cwd, values.browser)))) {
    throw new UsageError(`--browser ${values.browser} is not an executable file`);
  }
  const folder = resolve(io.cwd, values.output ?? 'book');
  const htmlFile = join(folder, 'book.html');
  const pdfFile = join(folder, 'book.pdf');
  for (const target of wantsPdf ? [htmlFile, pdfFile] : [htmlFile]) {
    if (!(await mayWrite(io, target, values.force))) return 2;
  }
  const result = await runCheckWith(io, values, positionals);
  if (typeof result === 'number') return result;
  const book = await buildDocumentBook(result, await bookOptions(result));
  const html = renderBookHtml(book, { mermaidScript: await fs.readFile(mermaidScriptPath(), 'utf8'), nonce: randomBytes(18).toString('base64') });
  if (!(await writeNewFile(io, htmlFile, html, values.force, result.project.root))) return 2;
  io.writeStdout(`Wrote ${htmlFile} (${book.documents.length} ${book.documents.length === 1 ? 'document' : 'documents'})\n`);
  if (!wantsPdf) return 0;

  const browser = values.browser !== undefined ? resolve(io.cwd, values.browser) : await findBrowser(io.env.PATH);
  if (browser === undefined) {
    io.writeStderr(`clausemark book: no PDF: ${NO_BROWSER_HINT}\n`);
    return 2;
  }
  let pdf: Uint8Array;
  try {
    pdf = await printToPdf(browser, htmlFile, pdfTemplates(book));
  } catch (error) {
    io.writeStderr(`clausemark book: no PDF: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (!(await writeNewFile(io, pdfFile, pdf, values.force, result.project.root))) return 2;
  io.writeStdout(`Wrote ${pdfFile}\n`);
  return 0;
}

/** Reads the Markdown of the documents in scope (the core renders, the CLI reads). */
async function bookOptions(result: CheckResult) {
  const texts = new Map<string, string>();
  for (const document of result.index.documents()) {
    if (document.id === undefined || !result.inScope(document.path)) continue;
    try {
      texts.set(document.path, await fs.readFile(join(result.project.root, document.path), 'utf8'));
    } catch {
      // Gone since it was read: the check already reports what it could; the book leaves it out.
    }
  }
  const revision = await describeHead(result.project.root);
  return { texts, includes: result.inScope, toolVersion: TOOL_VERSION, ...(revision ? { revision } : {}) };
}

/**
 * Chromium's own header and footer for the PDF, in place of the book's general CSS page boxes (removed before
 * printing so they do not print twice): the book's title and revision at the top right, the page number of the
 * total below. Each document's own running header (id, version, approval) stays a CSS page box at the top left.
 */
function pdfTemplates(book: DocumentBook) {
  const style = 'font-size:8px;color:#59636e;width:100%;margin:0 16mm;display:flex;justify-content:space-between;font-family:system-ui,sans-serif';
  return {
    headerTemplate: `<div style="${style}"><span></span><span>${escapeHtml(book.title)}, ${escapeHtml(revisionText(book))}</span></div>`,
    footerTemplate: `<div style="${style}"><span>Built ${escapeHtml(book.generatedOn)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    readyExpression: "document.body !== null && document.body.getAttribute('data-diagrams') !== null",
    beforePrint: `document.getElementById(${JSON.stringify(PAGE_BOXES_STYLE_ID)})?.remove(); true`,
  };
}
