import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { mermaidScriptPath } from '../../src/cli/mermaidScript.js';
import { buildAuditPack } from '../../src/core/audit/auditPack.js';
import { renderAuditHtml } from '../../src/core/reports/auditHtml.js';
import { ACME_ROOT, acmeResult } from './acme.js';
import { generatedRepository, launchChromium, unescapeHtml, writePack } from './packSupport.js';

/** The limit the issue sets: no diagram taller than this at a 1,200 px wide page. */
const MAX_HEIGHT = 2_500;

interface DrawnDiagram {
  readonly id: string;
  readonly height: number;
  readonly role: string | null;
  readonly nodes: number;
  readonly linkedNodes: number;
  readonly text: string;
  /** Entries of the figure's legend. */
  readonly legend: number;
}

/** Node ids each diagram's source defines, from the page's text before mermaid replaces it. */
function sourceNodeCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of html.matchAll(/<figure class="diagram" id="([^"]+)">\n<pre class="mermaid">([^<]*)<\/pre>/g)) {
    counts.set(match[1] ?? '', [...unescapeHtml(match[2] ?? '').matchAll(/^ {2}n\d+[[(]/gm)].length);
  }
  return counts;
}

/** Opens the pack at 1,200 px, waits for mermaid, and measures every drawn diagram. */
async function drawnDiagrams(browser: Browser, file: string, timeline?: { role: string | null; events: number }): Promise<DrawnDiagram[]> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded', timeout: 300_000 });
    await page.waitForFunction("document.body.getAttribute('data-diagrams') !== null", undefined, { timeout: 300_000, polling: 1000 });
    assert.equal(await page.getAttribute('body', 'data-diagrams'), 'rendered');
    assert.deepEqual(problems, []);
    // Page code is given as text: this project compiles without the DOM library.
    const measured: DrawnDiagram[] = await page.evaluate(`[...document.querySelectorAll('figure.diagram')].map((figure) => {
      const svg = figure.querySelector('pre.mermaid svg');
      const nodes = svg ? [...svg.querySelectorAll('g.node')] : [];
      const linked = nodes.filter((node) => { const a = node.closest('a'); return a !== null && (a.getAttribute('href') || a.getAttribute('xlink:href')); });
      return { id: figure.id, height: svg ? svg.getBoundingClientRect().height : -1, role: svg ? svg.getAttribute('aria-roledescription') : null, nodes: nodes.length, linkedNodes: linked.length, text: svg ? svg.textContent.slice(-400) : '', legend: figure.querySelectorAll('ul.legend li').length };
    })`);
    // The certification cycle's timeline (not a flowchart, so not among the traceability diagrams).
    if (timeline)
      Object.assign(
        timeline,
        await page.evaluate(
          `(() => { const svg = document.querySelector('#cycle-timeline svg'); return { role: svg ? svg.getAttribute('aria-roledescription') : null, events: svg ? svg.querySelectorAll('.eventWrapper').length : 0 }; })()`,
        ),
      );
    return measured;
  } finally {
    await page.close();
  }
}

function assertReadable(diagrams: readonly DrawnDiagram[], expectedNodes: Map<string, number>): void {
  assert.equal(diagrams.length, expectedNodes.size, 'every diagram is drawn');
  for (const diagram of diagrams) {
    assert.equal(diagram.role, 'flowchart-v2', `${diagram.id} rendered as a flowchart, not mermaid's error picture`);
    assert.doesNotMatch(diagram.text, /Syntax error|Maximum text size|limit exceeded/i, diagram.id);
    assert.equal(diagram.nodes, expectedNodes.get(diagram.id), `${diagram.id}: every node of the source is drawn`);
    assert.equal(diagram.linkedNodes, diagram.nodes, `${diagram.id}: every node is a link`);
    assert.ok(diagram.legend > 0, `${diagram.id} has a legend`);
    assert.ok(diagram.height > 0 && diagram.height <= MAX_HEIGHT, `${diagram.id} is ${Math.round(diagram.height)} px tall`);
  }
}

describe('the audit pack diagrams in headless Chromium', function () {
  this.timeout(600_000);
  let browser: Browser;
  const folders: string[] = [];
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it(`draws every diagram of the example, each node a link and none taller than ${MAX_HEIGHT} px`, async () => {
    const output = mkdtempSync(join(tmpdir(), 'clausemark-pack-'));
    folders.push(output);
    const html = await writePack(ACME_ROOT, output);
    const timeline = { role: null as string | null, events: 0 };
    const diagrams = await drawnDiagrams(browser, join(output, 'audit-pack.html'), timeline);
    assertReadable(diagrams, sourceNodeCounts(html));
    // Certified, expiry, three audits held, two planned audits to come, two management reviews.
    assert.deepEqual(timeline, { role: 'timeline', events: 9 });
    assert.ok(diagrams.filter((diagram) => diagram.id.startsWith('trace-5-')).length > 1, 'clause 8 is split');

    // Dates never wrap, even in narrow columns of a narrow page: a wrapped inline element has more than one box.
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await page.goto(pathToFileURL(join(output, 'audit-pack.html')).href, { waitUntil: 'domcontentloaded' });
    const dates: { count: number; wrapped: string[] } = await page.evaluate(
      `(() => { const times = [...document.querySelectorAll('time')]; return { count: times.length, wrapped: times.filter((time) => time.getClientRects().length > 1).map((time) => time.textContent) }; })()`,
    );
    await page.close();
    assert.ok(dates.count > 50, `${dates.count} dates`);
    assert.deepEqual(dates.wrapped, []);
  });

  it('says "failed" when mermaid draws its error picture instead of a diagram', async () => {
    const pack = buildAuditPack(await acmeResult(), { toolVersion: '0.1.0' });
    const [first, ...rest] = pack.families;
    assert.ok(first);
    const oversized = {
      ...first,
      diagrams: first.diagrams.map((diagram) => ({
        ...diagram,
        source: `${diagram.source}\n${Array.from({ length: 3_000 }, (_, i) => `  pad${i}["${'x'.repeat(20)}"]`).join('\n')}`,
      })),
    };
    const output = mkdtempSync(join(tmpdir(), 'clausemark-pack-'));
    folders.push(output);
    const file = join(output, 'audit-pack.html');
    writeFileSync(
      file,
      renderAuditHtml({ ...pack, families: [oversized, ...rest] }, { mermaidScript: readFileSync(mermaidScriptPath(), 'utf8'), nonce: 'test-nonce' }),
    );
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction("document.body.getAttribute('data-diagrams') !== null", undefined, { timeout: 120_000 });
    assert.equal(await page.getAttribute('body', 'data-diagrams'), 'failed');
    await page.close();
  });

  it(`draws every diagram of a 1,000-document repository within mermaid's limits and ${MAX_HEIGHT} px`, async () => {
    const repository = await generatedRepository(1000);
    folders.push(dirname(repository));
    const output = join(repository, 'audit-pack');
    const html = await writePack(repository, output);
    const diagrams = await drawnDiagrams(browser, join(output, 'audit-pack.html'));
    assertReadable(diagrams, sourceNodeCounts(html));
    assert.ok(
      diagrams.some((diagram) => diagram.id.startsWith('trace-5-')),
      'family 8 is drawn',
    );
  });
});
