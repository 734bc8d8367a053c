import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { clausemarkInProcess } from '../support/cli.js';
import { GitRepository } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';
import { CHROMIUM, CHROMIUM_FLAGS, pdfPages, pdfText } from './pdfTools.js';

const HOSTILE_BODY = [
  '# Hostile',
  '',
  '<script>window.__injected = 1</script>',
  '',
  'An image <img src="https://attacker.example/pixel.png" onerror="window.__injected = 2"> in a line.',
  '',
  '[Click me](javascript:window.__injected=3) and [the process](../processes/ops.md#how-we-work).',
  '',
  '![tracking pixel](https://attacker.example/track.png)',
  '',
  '<iframe src="https://attacker.example/frame"></iframe>',
  '',
  '```mermaid',
  'flowchart LR',
  '  this is not --> a [diagram',
  '```',
  '',
  '```mermaid',
  'flowchart LR',
  '  A["<img src=x onerror=window.__injected=4>"] --> B[Review]',
  '```',
  '',
].join('\n');

function bookRepository(): GitRepository {
  return GitRepository.create({
    'clausemark.json': JSON.stringify({ organisation: 'Example <b>Services</b> Ltd', scope: 'Managed backup for customers in the UK.' }),
    'sms/policies/hostile.md': documentText(
      { id: 'POL-HOSTILE', type: 'policy', title: `'<script>window.__injected = 5</script>=HYPERLINK("x")'`, version: '"7.3"', clauses: '\n  - 5.2' },
      HOSTILE_BODY,
    ),
    'sms/processes/ops.md': documentText(
      { id: 'PRC-OPS', title: 'Operations', version: '"2.4"', clauses: '\n  - 8.6.1\n  - 8.6.2' },
      '# Operations\n\n## How we work\n\nBy the [policy](../policies/hostile.md).\n\n| Step | Who |\n|---|---|\n| Log | Desk |\n',
    ),
    'sms/records/minutes.md': documentText(
      { id: 'REC-MIN', type: 'record', title: 'Minutes', version: '"1.0"', clauses: '\n  - 9.3' },
      '# Minutes\n\nNothing to add.\n',
    ),
  });
}

const RUN_ARGS = ['--today', '2026-11-21', '--no-cache'];

describe('the document book (clausemark book)', function () {
  this.timeout(180_000);
  let repository: GitRepository;
  let output: string;
  before(() => {
    repository = bookRepository();
    output = mkdtempSync(join(tmpdir(), 'clausemark-book-'));
  });
  after(() => {
    repository.remove();
    rmSync(output, { recursive: true, force: true });
  });

  it('renders the documents under the given paths only, and never replaces a book without --force', async () => {
    const folder = join(output, 'processes-only');
    const first = await clausemarkInProcess(['book', 'sms/processes', '--output', folder, ...RUN_ARGS], repository.root);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /book\.html \(1 document\)/);
    const html = readFileSync(join(folder, 'book.html'), 'utf8');
    assert.ok(html.includes('id="doc-PRC-OPS"') && !html.includes('id="doc-POL-HOSTILE"'));
    assert.ok(html.includes('title="sms/policies/hostile.md (not in this book)"'), 'a link to a document left out is no link');

    writeFileSync(join(folder, 'book.html'), 'kept');
    const again = await clausemarkInProcess(['book', '--output', folder, ...RUN_ARGS], repository.root);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists; it was left as it is \(use --force to replace it\)/);
    assert.equal(readFileSync(join(folder, 'book.html'), 'utf8'), 'kept');
    const forced = await clausemarkInProcess(['book', '--output', folder, '--force', ...RUN_ARGS], repository.root);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /3 documents/);
  });

  it('without a browser, writes the HTML, says how to get one and exits 2', async () => {
    const folder = join(output, 'no-browser');
    const empty = mkdtempSync(join(tmpdir(), 'clausemark-no-browser-'));
    try {
      const result = await clausemarkInProcess(['book', '--pdf', '--output', folder, ...RUN_ARGS], repository.root, { PATH: empty });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /no Chrome or Chromium was found on the PATH/);
      assert.match(result.stderr, /apt-get install chromium/);
      assert.match(result.stderr, /--browser PATH/);
      assert.ok(existsSync(join(folder, 'book.html')), 'the HTML is still written');
      assert.ok(!existsSync(join(folder, 'book.pdf')));
      const named = await clausemarkInProcess(['book', '--browser', join(empty, 'chrome'), '--output', join(output, 'named'), ...RUN_ARGS], repository.root);
      assert.equal(named.status, 2);
      assert.match(named.stderr, /--browser .*chrome is not an executable file/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  describe('in headless Chromium', () => {
    let browser: Browser;
    let htmlFile: string;
    before(async function () {
      assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does it)`);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
      const result = await clausemarkInProcess(['book', '--output', join(output, 'full'), ...RUN_ARGS], repository.root);
      assert.equal(result.status, 0, result.stderr);
      htmlFile = join(output, 'full', 'book.html');
    });
    after(async () => browser?.close());

    it('draws the diagrams, runs no script from documents, loads nothing and keeps every internal link inside the book', async () => {
      const html = readFileSync(htmlFile, 'utf8');
      assert.ok(!html.includes('<script>window.__injected') && !html.includes('attacker.example'), 'the hostile markup is gone from the source');
      const page = await browser.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
      await page.goto(pathToFileURL(htmlFile).href);
      await page.waitForFunction("document.body.getAttribute('data-diagrams') !== null", undefined, { timeout: 60_000 });
      assert.equal(await page.getAttribute('body', 'data-diagrams'), 'rendered');
      const diagrams = page.locator('#doc-POL-HOSTILE pre.mermaid');
      assert.equal(await diagrams.count(), 2);
      assert.match((await diagrams.nth(1).locator('svg').textContent()) ?? '', /Review/, 'a diagram after one that does not parse is still drawn');
      await page.locator('a', { hasText: 'Click me' }).click();
      assert.equal(await page.evaluate('typeof window.__injected'), 'undefined', 'no injected script ran');
      assert.deepEqual(requests, [pathToFileURL(htmlFile).href], 'nothing but the book itself is loaded');
      // To sanitise the hostile label, DOMPurify (inside mermaid) parses it in an inert DOMParser document; Chromium
      // 156 reports the `onerror` it sees there as a blocked inline handler although nothing runs (asserted above).
      const inertParse = /^Executing inline event handler violates the following Content Security Policy directive 'script-src 'nonce-/;
      assert.deepEqual(
        problems.filter((problem) => !/Parse error|Syntax error/i.test(problem) && !inertParse.test(problem)),
        [],
        'no error but the broken diagram',
      );

      // Cover, contents, then each document with its control block before its body.
      assert.match(
        (await page.locator('#cover').textContent()) ?? '',
        /Example <b>Services<\/b> Ltd: controlled documents[\s\S]*Managed backup for customers in the UK\.[\s\S]*git [0-9a-f]{12}/,
      );
      assert.deepEqual(
        await page.locator('nav.toc li code').allTextContents(),
        ['POL-HOSTILE', 'PRC-OPS', 'REC-MIN'],
        'policies first, then processes, then records',
      );
      const control = (await page.locator('#doc-PRC-OPS table.control').textContent()) ?? '';
      for (const expected of ['PRC-OPS', '2.4', 'Service Desk Manager', 'approved', 'Head of Operations', '2026-03-02', '2027-03-02', '8.6.1, 8.6.2'])
        assert.ok(control.includes(expected), `${expected} in the control block`);
      assert.equal(await page.locator('#doc-PRC-OPS .body table').count(), 1, 'GitHub tables render as tables');

      const hrefs = await page.evaluate<string[]>("[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))");
      assert.ok(hrefs.includes('#doc-PRC-OPS-how-we-work') && hrefs.includes('#doc-POL-HOSTILE'));
      for (const href of hrefs.filter((candidate) => candidate.startsWith('#'))) {
        assert.equal(await page.evaluate(`document.getElementById(${JSON.stringify(href.slice(1))}) !== null`), true, `${href} leads somewhere in the book`);
      }
      assert.ok(
        hrefs.every((href) => href.startsWith('#')),
        `only links inside the book: ${hrefs.join(' ')}`,
      );
      await page.close();
    });

    it('prints a PDF with every document’s id and version, page breaks, running header and page numbers', async () => {
      const folder = join(output, 'pdf');
      const result = await clausemarkInProcess(['book', '--pdf', '--output', folder, ...RUN_ARGS], repository.root, { PATH: '/usr/bin:/bin' });
      assert.equal(result.status, 0, result.stderr);
      const file = join(folder, 'book.pdf');
      const text = pdfText(file);
      for (const [id, version] of [
        ['POL-HOSTILE', '7.3'],
        ['PRC-OPS', '2.4'],
        ['REC-MIN', '1.0'],
      ] as const) {
        assert.match(text, new RegExp(`Id\\s+${id}\\s+Version\\s+${version.replace('.', '\\.')}`), `${id} version ${version}`);
      }
      const pages = pdfPages(file);
      // Cover, contents, then each document starts a page of its own.
      assert.ok(pages >= 5, `${pages} pages`);
      const pageTexts = text.split('\f').filter((pageText) => pageText.trim() !== '');
      assert.equal(pageTexts.length, pages);
      pageTexts.forEach((pageText, index) => {
        assert.match(pageText, new RegExp(`Page ${index + 1} of ${pages}`), `page ${index + 1} is numbered`);
        assert.match(pageText, /Example <b>Services<\/b> Ltd: controlled documents/, `page ${index + 1} has the running header`);
      });
      const opsPages = pageTexts.filter((pageText) => /^\s*Id\s+PRC-OPS/m.test(pageText));
      assert.equal(opsPages.length, 1);
      assert.ok(!/POL-HOSTILE|REC-MIN/.test(opsPages[0]!), 'a document starts on a page of its own');
      assert.match(opsPages[0]!, /PRC-OPS version 2\.4, approved by Head of Operations on 2026-03-02/, 'its pages say which version was approved by whom');
      assert.ok(!text.includes('window.__injected = 1'), 'the script tag did not reach the page as text or markup');
      const again = await clausemarkInProcess(['book', '--pdf', '--output', folder, ...RUN_ARGS], repository.root, { PATH: '/usr/bin:/bin' });
      assert.equal(again.status, 2, 'an existing book is not replaced');
    });
  });
});

describe('the example’s book and workbook', function () {
  this.timeout(180_000);
  it('are built for examples/acme-msp: every document’s id and version in the PDF and in the workbook', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-example-book-'));
    try {
      // Hermetic: a copy of the example, never the tree itself.
      execFileSync('cp', ['-r', join(process.cwd(), 'examples', 'acme-msp'), folder]);
      const root = join(folder, 'acme-msp');
      const book = await clausemarkInProcess(['book', '--pdf', '--output', join(folder, 'book'), ...RUN_ARGS], root, { PATH: '/usr/bin:/bin' });
      assert.equal(book.status, 0, book.stderr);
      const exported = await clausemarkInProcess(['export', '--format', 'xlsx', '--output', join(folder, 'registers.xlsx'), ...RUN_ARGS], root);
      assert.equal(exported.status, 0, exported.stderr);
      const { readXlsx, sheetValues } = await import('../support/xlsxReader.js');
      const register = sheetValues(
        readXlsx(readFileSync(join(folder, 'registers.xlsx'))).find((sheet) => sheet.name === 'Documents')!,
        6,
      ).slice(1);
      assert.ok(register.length >= 30, `${register.length} documents in the register`);
      const text = pdfText(join(folder, 'book', 'book.pdf')).replace(/\s+/g, ' ');
      assert.match(text, /Acme Managed Services Ltd: controlled documents/);
      for (const [id, , , , , version] of register) {
        assert.ok(text.includes(`Id ${String(id)} Version ${String(version)}`), `${String(id)} version ${String(version)} is in the PDF`);
      }
      assert.ok(pdfPages(join(folder, 'book', 'book.pdf')) >= register.length + 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('organisation and scope in clausemark.json', () => {
  it('must be text: a number is a config error at its place, exit 2', async () => {
    const repository = GitRepository.create({ 'clausemark.json': '{\n  "organisation": 42\n}\n', 'sms/a.md': documentText() });
    try {
      const result = await clausemarkInProcess(['book', '--output', join(repository.root, '..', 'unused-book'), ...RUN_ARGS], repository.root);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /clausemark\.json:2:\d+: .*string/);
    } finally {
      repository.remove();
    }
  });
});
