import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { clausemarkInProcess } from '../support/cli.js';
import { changeDiagram } from '../../src/core/reports/changeMarkdown.js';
import { GitRepository, reviewOf } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';
import { launchChromium } from './packSupport.js';

// Document and catalog text that would run script if any of it reached the page as markup.
const HOSTILE_TITLE = `'<script>window.__injected = 1</script><img src=x onerror="window.__injected = 2">'`;
const CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: 'Policy <img src=x onerror="window.__injected = 3">', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
    { id: '1.2', title: 'Operation', parent: '1' },
    { id: '2', title: 'Second family' },
    { id: '2.1', title: 'Improvement "quoted" & #hashed', parent: '2' },
  ],
});

function auditRepository(): GitRepository {
  return GitRepository.create({
    'clausemark.json': '{ "catalog": "./catalog.json" }\n',
    'catalog.json': CATALOG,
    'sms/policy.md': documentText({ id: 'POL-SMS', type: 'policy', title: HOSTILE_TITLE, owner: `'<b onmouseover="x()">Owner</b>'`, clauses: '\n  - 1.1' }),
    'sms/process.md': documentText({
      id: 'PRC-OPS',
      title: 'Operations',
      next_review: '2026-01-31',
      clauses: '\n  - 1.2\n  - 2.1',
      evidence: '\n  - path: ../records/log.csv\n    date: 2026-10-01',
    }),
    'records/log.csv': 'day,count\n',
  });
}

const TODAY_ARGS = ['--today', '2026-11-21', '--no-cache'];

describe('the audit pack (clausemark report)', function () {
  this.timeout(120_000);
  let repository: GitRepository;
  let output: string;
  before(() => {
    repository = auditRepository();
    output = mkdtempSync(join(tmpdir(), 'clausemark-pack-'));
  });
  after(() => {
    repository.remove();
    rmSync(output, { recursive: true, force: true });
  });

  it('writes Markdown with every section, the revision and the date, and never overwrites without --force', async () => {
    const first = await clausemarkInProcess(['report', '--format', 'markdown', '--output', output, ...TODAY_ARGS], repository.root);
    assert.equal(first.status, 0, first.stderr);
    const file = join(output, 'audit-pack.md');
    const text = readFileSync(file, 'utf8');
    for (const heading of [
      '## Statement of coverage',
      '## Traceability by clause family',
      '## Document register',
      '## Evidence register',
      '## Overdue reviews',
      '## Open findings',
    ])
      assert.ok(text.includes(heading), heading);
    assert.ok(text.includes(`git \`${repository.git('rev-parse', 'HEAD')}\``), 'names the revision');
    assert.match(text, /Built on 2026-11-21/);
    assert.match(
      text,
      /\| PRC-OPS \| \[Operations\]\(([^)]*)\/sms\/process\.md\) \(\[sms\/process\.md\]\(\1\/sms\/process\.md\)\) \| process \| Service Desk Manager \| 1\.0 \| approved, review overdue \| Head of Operations, 2026-03-02 \| \*\*2026-01-31 overdue\*\* \|/,
    );
    assert.equal((text.match(/```mermaid/g) ?? []).length, 2, 'one diagram per clause family');
    assert.match(
      text,
      /\| 1\.2 \| \[PRC-OPS\]\([^)]*\/sms\/process\.md\) \| \[records\/log\.csv\]\([^)]*\/records\/log\.csv\) \| 2026-10-01 \| current \|/,
      'evidence paths are given from the repository root',
    );
    assert.match(text, /## Overdue reviews\n\n\| Id \|[^\n]*\n[^\n]*\n\| PRC-OPS \|/);
    assert.ok(!text.includes('<script>'), 'document text is escaped');

    writeFileSync(file, 'kept');
    const again = await clausemarkInProcess(['report', '--format', 'markdown', '--output', output, ...TODAY_ARGS], repository.root);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists; it was left as it is \(use --force to replace it\)/);
    assert.equal(readFileSync(file, 'utf8'), 'kept');
    const forced = await clausemarkInProcess(['report', '--format', 'markdown', '--output', output, '--force', ...TODAY_ARGS], repository.root);
    assert.equal(forced.status, 0, forced.stderr);
    assert.notEqual(readFileSync(file, 'utf8'), 'kept');
  });

  describe('in headless Chromium', () => {
    let browser: Browser;
    before(async function () {
      browser = await launchChromium();
    });
    after(async () => browser?.close());

    it('renders the mermaid diagrams offline, runs no script from documents, and keeps to its own file', async () => {
      const result = await clausemarkInProcess(['report', '--output', output, ...TODAY_ARGS], repository.root);
      assert.equal(result.status, 0, result.stderr);
      const file = join(output, 'audit-pack.html');
      const html = readFileSync(file, 'utf8');
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
      assert.ok(!html.includes('<script>window.__injected'), 'the hostile title is escaped in the source');

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(pathToFileURL(file).href);
      // Page code is given as text: this project compiles without the DOM library.
      await page.waitForFunction("document.body.getAttribute('data-diagrams') !== null", undefined, { timeout: 60_000 });
      assert.equal(await page.getAttribute('body', 'data-diagrams'), 'rendered');
      const figures = page.locator('figure.diagram');
      assert.equal(await figures.count(), 2);
      for (const family of ['family-1', 'family-2']) {
        assert.equal(await page.locator(`#${family} pre.mermaid svg`).count(), 1, `${family} has its SVG`);
      }
      // The labels show the text as written, markup and all, as text.
      assert.match((await page.locator('#family-1 svg').textContent()) ?? '', /1\.1 Policy <img src=x onerror=/);
      assert.match((await page.locator('#family-2 svg').textContent()) ?? '', /Improvement "quoted" & #hashed/);
      assert.match((await page.locator('#documents').textContent()) ?? '', /<script>window\.__injected = 1<\/script>/);
      assert.equal(await page.evaluate('typeof window.__injected'), 'undefined', 'no injected script ran');
      assert.deepEqual(requests, [pathToFileURL(file).href], 'nothing but the page itself is loaded');
      assert.deepEqual(problems, []);

      // Kept in the temporary folder after the run, for a person to look at.
      const screenshot = join(tmpdir(), 'clausemark-audit-pack.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      assert.ok(statSync(screenshot).size > 10_000, 'a screenshot was taken');

      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate("getComputedStyle(document.querySelector('nav')).display"), 'none', 'the table of contents is left off paper');

      // The PR comment's diagram goes through the same mermaid: it must parse, and hostile clause titles stay text.
      const { review, repository: changed } = await reviewOf(
        { 'clausemark.json': '{ "catalog": "./catalog.json" }\n', 'catalog.json': CATALOG, 'sms/a.md': documentText({ clauses: '\n  - 1.1\n  - 1.2' }) },
        { 'sms/a.md': documentText({ status: 'retired', clauses: '\n  - 1.1' }), 'sms/b.md': documentText({ id: 'PRC-B', clauses: '\n  - 2.1' }) },
      );
      changed.remove();
      const diagram = changeDiagram(review, 40);
      assert.ok(diagram);
      const svg = String(await page.evaluate(`mermaid.render('change-diagram', ${JSON.stringify(diagram.source)}).then((result) => result.svg)`));
      assert.match(svg, /^<svg/);
      assert.match(svg, /1\.1 Policy &lt;img src=x onerror=/);
      assert.ok(!/<img/i.test(svg), 'no markup from a title reaches the SVG');
      assert.equal(await page.evaluate('typeof window.__injected'), 'undefined');
      await page.close();
    });
  });
});
