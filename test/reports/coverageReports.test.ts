import assert from 'node:assert/strict';
import { buildCoverageJson, renderCoverageJson, type CoverageJson } from '../../src/core/reports/coverageJson.js';
import { csvCell, renderCoverageCsv } from '../../src/core/reports/coverageCsv.js';
import { escapeHtml, renderCoverageHtml } from '../../src/core/reports/coverageHtml.js';
import { renderCoverageMarkdown } from '../../src/core/reports/coverageMarkdown.js';
import { acmeInput } from './acme.js';
import { makeInput } from './fixtures.js';
import { parseCsv } from '../support/csv.js';

describe('coverage CSV', () => {
  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(3), '3');
    const csv = renderCoverageCsv(makeInput());
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], ['Clause', 'Title', 'Status', 'Documents', 'Evidence', 'Usable evidence', 'Reasons']);
    assert.equal(rows.length, 5);
    for (const row of rows) assert.equal(row.length, 7);
    assert.deepEqual(rows[2]?.slice(0, 3), ['1.2', 'Operation, "daily"\nand nightly', 'partial']);
    assert.deepEqual(rows[2]?.slice(4, 6), ['2', '1']);
  });

  it('neutralises spreadsheet formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`), start);
    const rows = parseCsv(renderCoverageCsv(makeInput()));
    const gaps = rows[2]?.[6];
    assert.equal(gaps, "'-1+1 records are stale; @SUM(A1:A2)");
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${cell}`);
  });

  it('can start with a byte order mark', () => {
    assert.ok(renderCoverageCsv(makeInput(), { bom: true }).startsWith('\ufeffClause,'));
    assert.ok(renderCoverageCsv(makeInput()).startsWith('Clause,'));
  });
});

describe('coverage HTML', () => {
  it('escapes every string: a <script> title appears only escaped', () => {
    const html = renderCoverageHtml(makeInput());
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /Uncovered &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /Operations &lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(html, /<title>Clause coverage: Mini &lt;standard&gt; &amp; &quot;friends&quot;<\/title>/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('is self-contained: no scripts, no external resources', () => {
    for (const html of [renderCoverageHtml(makeInput())]) {
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /\s(?:src|href|action|srcset|poster|data)\s*=/i, 'no resource or link attributes');
      assert.doesNotMatch(html, /url\(/i, 'no CSS url()');
      assert.doesNotMatch(html, /@import/i);
      assert.doesNotMatch(html, /<(?:link|img|iframe|object|embed|base|form)\b/i);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
      assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
      assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    }
  });

  it('shows a summary and a row per leaf clause with status classes', () => {
    const html = renderCoverageHtml(makeInput());
    assert.equal((html.match(/<tr class="(?:covered|at-risk|partial|uncovered|excluded)">/g) ?? []).length, 4);
    assert.match(html, /<span class="status uncovered">uncovered<\/span>/);
    assert.match(html, /<tr class="section"><th colspan="6" scope="colgroup">2 Second<\/th><\/tr>/);
    assert.match(html, /<strong>33\.3%<\/strong>covered of 3 applicable leaf clauses/);
  });

  it('renders the example repository without external links', async () => {
    const html = renderCoverageHtml(await acmeInput());
    assert.equal((html.match(/<tr class="(?:covered|at-risk|partial|uncovered|excluded)">/g) ?? []).length, 57);
    assert.doesNotMatch(html, /\s(?:src|href)\s*=/i);
    assert.doesNotMatch(html, /<script/i);
  });
});

describe('coverage Markdown', () => {
  it('tables every leaf clause with documents, evidence counts and reasons, escaped', () => {
    const markdown = renderCoverageMarkdown(makeInput());
    assert.match(markdown, /^# Clause coverage: Mini &lt;standard&gt; &amp; "friends"\n/);
    assert.match(markdown, /\| Clause \| Title \| Status \| Documents \| Evidence \| Reasons \|/);
    assert.match(
      markdown,
      /\| 1\.2 \| Operation, "daily" and nightly \| partial \| PRC-OPS \(approved\) \| 2 \(1 stale\) \| -1\+1 records are stale<br>@&#8203;SUM\(A1:A2\) \|/,
    );
    assert.match(markdown, /\| 2\.1 \| Uncovered &lt;script&gt;alert\(1\)&lt;\/script&gt; \| uncovered \|  \| 0 \| no document addresses it \|/);
    assert.doesNotMatch(markdown, /<script/);
    const rows = markdown.split('\n').filter((line) => /^\| \d/.test(line));
    assert.equal(rows.length, 4);
  });
});

describe('coverage JSON', () => {
  it('parses and carries every clause with details', () => {
    const text = renderCoverageJson(makeInput());
    assert.ok(text.endsWith('\n'));
    const json = JSON.parse(text) as CoverageJson;
    assert.deepEqual(json.tool, { name: 'clausemark', version: '1.2.3' });
    assert.deepEqual(json.catalog, { id: 'mini:2024', title: 'Mini <standard> & "friends"', version: '2024' });
    assert.deepEqual(json.summary, { leaves: 4, covered: 1, atRisk: 0, partial: 1, uncovered: 1, excluded: 1, percent: 33.3 });
    assert.equal(json.clauses.length, 4);
    const uncovered = json.clauses.find((c) => c.clause === '2.1');
    assert.deepEqual(uncovered?.missingDocuments, [{ description: 'a plan', types: ['plan'] }]);
    assert.equal(json.clauses[1]?.evidence[0]?.line, 9);
    assert.doesNotMatch(text, /"offset"/);
  });

  it('matches the example repository summary', async () => {
    const input = await acmeInput();
    const json = buildCoverageJson(input);
    assert.deepEqual(json.summary, { ...input.coverage.summary });
    assert.equal(json.clauses.filter((c) => c.status === 'uncovered').length, 2);
  });
});
