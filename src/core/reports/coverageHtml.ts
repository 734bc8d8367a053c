import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { CLAUSE_STATUSES, summaryCount, type ClauseCoverage, type ClauseStatus, type CoverageSummary } from '../coverage/coverageReport.js';
import { reasonTexts, unusableEvidenceText } from '../coverage/coverageText.js';
import type { CoverageReportInput } from './reportInput.js';
import { coverageSummaryText, encodeMarkupCharacters, formatPercent, plural } from './shared.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return encodeMarkupCharacters(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The stylesheet of Clausemark's HTML pages: tables, status badges and cards that also print. */
export const HTML_STYLE = `
:root { color-scheme: light; --covered: #1a7f37; --at-risk: #bc4c00; --partial: #9a6700; --uncovered: #cf222e; --excluded: #6e7781; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; margin: 2rem auto; max-width: 78rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.meta { color: #59636e; margin: 0 0 1.25rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }
.cards strong { display: block; font-size: 1.4rem; }
.cards .percent { border-left-color: #0969da; }
.cards .covered { border-left-color: var(--covered); }
.cards .at-risk { border-left-color: var(--at-risk); }
.cards .partial { border-left-color: var(--partial); }
.cards .uncovered { border-left-color: var(--uncovered); }
.cards .excluded { border-left-color: var(--excluded); }
.bar { display: flex; height: .8rem; border-radius: 4px; overflow: hidden; border: 1px solid var(--line); margin: 0 0 1.5rem; }
.bar span { display: block; height: 100%; }
.bar .covered { background: var(--covered); } .bar .at-risk { background: var(--at-risk); } .bar .partial { background: var(--partial); } .bar .uncovered { background: var(--uncovered); } .bar .excluded { background: var(--excluded); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .4rem .55rem; border-bottom: 1px solid var(--line); }
thead th { background: #f6f8fa; border-bottom: 2px solid var(--line); }
tr.section th { background: #eef1f4; font-size: .95rem; padding-top: .6rem; }
td.num { text-align: right; white-space: nowrap; }
td.clause { white-space: nowrap; font-variant-numeric: tabular-nums; }
.status { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; color: #fff; white-space: nowrap; }
.status.covered { background: var(--covered); } .status.at-risk { background: var(--at-risk); } .status.partial { background: var(--partial); } .status.uncovered { background: var(--uncovered); } .status.excluded { background: var(--excluded); }
tr.at-risk td.clause, tr.partial td.clause, tr.uncovered td.clause { font-weight: 600; }
ul { margin: 0; padding-left: 1.1rem; }
.doc small, .muted { color: #59636e; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
footer { margin-top: 1.5rem; color: #59636e; font-size: .85rem; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.section { break-after: avoid; page-break-after: avoid; }
}
`;

/**
 * The coverage matrix as one self-contained HTML page: inline CSS only, no scripts, no external resources (a
 * Content-Security-Policy says so too), every string from documents and the catalog escaped.
 */
export function renderCoverageHtml(input: CoverageReportInput): string {
  const { coverage, catalog } = input;
  const summary = coverage.summary;
  const title = `Clause coverage: ${coverage.catalog.title}`;
  const total = Math.max(1, summary.leaves);
  const bar = CLAUSE_STATUSES.filter((status) => summaryCount(summary, status) > 0)
    .map((status) => `<span class="${status}" style="width:${((summaryCount(summary, status) / total) * 100).toFixed(2)}%" title="${summaryCount(summary, status)} ${status}"></span>`)
    .join('');

  const rows: string[] = [];
  let section: string | undefined;
  for (const clause of coverage.clauses) {
    const top = topLevel(catalog, clause.clause);
    if (top !== section) {
      section = top;
      rows.push(`<tr class="section"><th colspan="6" scope="colgroup">${escapeHtml(catalog.label(top))}</th></tr>`);
    }
    rows.push(clauseRow(clause));
  }

  return `${htmlHead({ title, toolVersion: input.toolVersion, csp: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", style: HTML_STYLE })}
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(coverageSummaryText(summary))}. Dates judged against ${escapeHtml(input.today)}.</p>
</header>
<main>
${coverageCards(summary)}
<div class="bar" role="img" aria-label="${escapeHtml(coverageSummaryText(summary))}">${bar}</div>
<table>
<thead><tr><th scope="col">Clause</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Documents</th><th scope="col">Evidence</th><th scope="col">Reasons</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</main>
<footer>Generated by Clausemark ${escapeHtml(input.toolVersion)} from the ${escapeHtml(coverage.catalog.id)} catalog.</footer>
</body>
</html>
`;
}

/**
 * `<!DOCTYPE html>` up to `</head>`: charset, the Content-Security-Policy, viewport, generator, title and inline
 * style. `csp` and `style` are Clausemark's own text and go in as they are; the title is escaped.
 */
export function htmlHead(page: { readonly title: string; readonly toolVersion: string; readonly csp: string; readonly style: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${page.csp.replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Clausemark ${escapeHtml(page.toolVersion)}">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>`;
}

/** A table with a header row, or a paragraph saying `empty` when there are no rows; cells are HTML already escaped. */
export function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="none">${escapeHtml(empty)}</p>`;
  return `<table>
<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((cells) => `<tr>${cells.map((cell) => (cell.startsWith('<td') ? cell : `<td>${cell}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** The coverage figures as cards: percentage, then the count of each state. */
export function coverageCards(summary: CoverageSummary): string {
  return `<ul class="cards">
<li class="percent"><strong>${escapeHtml(formatPercent(summary.percent))}</strong>covered of ${plural(summary.leaves - summary.excluded, 'applicable leaf clause')}</li>
${CLAUSE_STATUSES.map((status) => `<li class="${status}"><strong>${summaryCount(summary, status)}</strong>${status}</li>`).join('\n')}
</ul>`;
}

/** What a page adds to a coverage row: an id to link to, links to the documents. */
export interface ClauseRowOptions {
  readonly id?: string;
  /** The document as a link target, relative to the page. */
  readonly documentHref?: (path: string) => string;
}

/** One row of the coverage matrix: clause, title, status badge, documents, evidence, reasons. */
export function clauseRow(clause: ClauseCoverage, options: ClauseRowOptions = {}): string {
  const status: ClauseStatus = clause.status;
  const documents =
    clause.documents.length === 0
      ? '<span class="muted">none</span>'
      : `<ul>${clause.documents
          .map(
            (document) =>
              `<li class="doc"><code>${escapeHtml(document.id)}</code> ${escapeHtml(document.title)} <small>(${escapeHtml(document.control.label)})</small><br><small>${options.documentHref ? `<a href="${escapeHtml(options.documentHref(document.path))}">${escapeHtml(document.path)}</a>` : escapeHtml(document.path)}</small></li>`,
          )
          .join('')}</ul>`;
  const unusable = unusableEvidenceText(clause);
  const evidence = `${clause.evidenceCount.linked}${unusable !== '' ? `<br><small class="muted">(${escapeHtml(unusable)})</small>` : ''}`;
  const gaps = reasonTexts(clause);
  const gapCell = gaps.length === 0 ? '' : `<ul>${gaps.map((gap) => `<li>${escapeHtml(gap)}</li>`).join('')}</ul>`;
  const id = options.id !== undefined ? ` id="${escapeHtml(options.id)}"` : '';
  return `<tr class="${status}"${id}><td class="clause">${escapeHtml(clause.clause)}</td><td>${escapeHtml(clause.title)}</td><td><span class="status ${status}">${status}</span></td><td>${documents}</td><td class="num">${evidence}</td><td>${gapCell}</td></tr>`;
}

/** The top-level clause (the family) a clause belongs to. */
export function topLevel(catalog: ClauseCatalog, id: string): string {
  const ancestors = catalog.ancestors(id);
  return ancestors[ancestors.length - 1]?.id ?? id;
}
