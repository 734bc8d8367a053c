import { clauseAnchor, type AuditPack } from '../audit/auditPack.js';
import { cycleHtml } from './cycleSections.js';
import { diagramFigure, evidenceTable, findingsTable, PACK_STYLE, registerTable } from './auditHtmlSections.js';
import { clauseRow, coverageCards, escapeHtml, htmlHead, htmlTable, HTML_STYLE } from './coverageHtml.js';
import { coverageSummaryText, plural } from './shared.js';

export interface AuditHtmlOptions {
  /** The mermaid library (`mermaid/dist/mermaid.min.js`), inlined so the page needs no network. */
  readonly mermaidScript: string;
  /** A fresh random value per page; only scripts carrying it may run (the CSP says so). */
  readonly nonce: string;
}

/**
 * The audit pack as one self-contained HTML page: inline CSS that prints, the traceability diagrams rendered in
 * the page by the inlined mermaid with `securityLevel: 'strict'`, a Content-Security-Policy that lets only the
 * page's own nonce-bearing scripts run and loads nothing from the network, every document string escaped.
 */
export function renderAuditHtml(pack: AuditPack, options: AuditHtmlOptions): string {
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
  const summary = pack.summary;
  const documentHref = new Map(pack.documents.map((document) => [document.path, document.href]));
  const rowOptions = (clause: string) => ({ id: clauseAnchor(clause), documentHref: (path: string) => documentHref.get(path) ?? path });
  const revision = pack.revision ? `git ${pack.revision.commit}${pack.revision.dirty ? ' with uncommitted changes' : ''}` : 'not a git revision';
  return `${htmlHead({ title: pack.title, toolVersion: pack.toolVersion, csp, style: HTML_STYLE + PACK_STYLE })}
<body>
<header>
<h1>${escapeHtml(pack.title)}</h1>
<p class="meta">Built on ${escapeHtml(pack.generatedOn)} from ${escapeHtml(revision)} by Clausemark ${escapeHtml(pack.toolVersion)}. ${escapeHtml(coverageSummaryText(summary))}.</p>
</header>
<nav aria-label="Contents"><ol>
<li><a href="#coverage">Statement of coverage</a></li>
${pack.otherCatalogs.map((other) => `<li><a href="#coverage-${escapeHtml(other.alias)}">Statement of coverage: ${escapeHtml(other.alias)}</a></li>\n`).join('')}<li><a href="#traceability">Traceability by clause family</a></li>
<li><a href="#documents">Document register</a></li>
<li><a href="#evidence">Evidence register</a></li>
<li><a href="#overdue">Overdue reviews</a></li>
<li><a href="#findings">Open findings</a></li>
${pack.cycle ? '<li><a href="#cycle">Certification cycle</a></li>\n' : ''}</ol></nav>
<main>
<section id="coverage">
<h2>Statement of coverage</h2>
${coverageCards(summary)}
<table>
<thead><tr><th scope="col">Clause</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Documents</th><th scope="col">Evidence</th><th scope="col">Reasons</th></tr></thead>
<tbody>
${pack.families.map((family) => [`<tr class="section"><th colspan="6" scope="colgroup">${escapeHtml(family.label)}</th></tr>`, ...family.clauses.map((clause) => clauseRow(clause, rowOptions(clause.clause)))].join('\n')).join('\n')}
</tbody>
</table>
</section>
${pack.otherCatalogs
  .map(
    (other) => `<section id="coverage-${escapeHtml(other.alias)}">
<h2>Statement of coverage: ${escapeHtml(other.catalog.title)} (${escapeHtml(other.alias)})</h2>
${coverageCards(other.summary)}
<table>
<thead><tr><th scope="col">Clause</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Documents</th><th scope="col">Evidence</th><th scope="col">Reasons</th></tr></thead>
<tbody>
${other.clauses.map((clause) => clauseRow(clause, rowOptions(`${other.alias}:${clause.clause}`))).join('\n')}
</tbody>
</table>
</section>
`,
  )
  .join('')}${pack.soa
    .map(
      (soa) => `<section id="soa-${escapeHtml(soa.alias)}">
<h2>Statement of Applicability: ${escapeHtml(soa.catalog.title)} (${escapeHtml(soa.alias)})</h2>
${htmlTable(
  ['Control', 'Title', 'Applicable', 'Justification', 'Implementing documents', 'Status'],
  soa.rows.map((row) => [
    escapeHtml(row.control),
    escapeHtml(row.title),
    row.applicable ? 'yes' : 'no',
    escapeHtml(row.justification),
    row.documents.map(escapeHtml).join('<br>'),
    `<span class="status ${row.status}">${row.status}</span>`,
  ]),
  'No controls.',
)}
</section>
`,
    )
    .join('')}<section id="traceability">
<h2>Traceability by clause family</h2>
<p class="muted">Each clause, coloured by status, with the documents that address it (coloured by document status) and the evidence they link; evidence that is missing or does not count is drawn dashed in red or amber. Every box is a link: a clause to its row above, a document or evidence to its file.</p>
${pack.families
  .map(
    (family) => `<div class="family" id="family-${escapeHtml(family.id)}">
<h3>${escapeHtml(family.label)} <small class="muted">${plural(family.clauses.length, 'leaf clause')}, ${plural(family.diagrams.length, 'diagram')}</small></h3>
${family.diagrams.map(diagramFigure).join('\n')}
</div>`,
  )
  .join('\n')}
</section>
<section id="documents">
<h2>Document register</h2>
${registerTable(pack.documents, 'No SMS documents.')}
</section>
<section id="evidence">
<h2>Evidence register</h2>
${evidenceTable(pack.evidence)}
</section>
<section id="overdue">
<h2>Overdue reviews</h2>
${registerTable(pack.overdue, `No review is overdue on ${pack.generatedOn}.`)}
</section>
<section id="findings">
<h2>Open findings</h2>
${findingsTable(pack.findings)}
</section>
${pack.cycle ? cycleHtml(pack.cycle) : ''}
</main>
<footer>Generated by Clausemark ${escapeHtml(pack.toolVersion)} from the ${escapeHtml(pack.catalog.id)} catalog. Clause titles are short labels, not the text of the standard.</footer>
<script nonce="${nonce}">${inlineScript(options.mermaidScript)}</script>
<script nonce="${nonce}">
(function () {
  var done = function (state) { document.body.setAttribute('data-diagrams', state); };
  if (typeof mermaid === 'undefined') { done('unavailable'); return; }
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', maxEdges: 500, maxTextSize: 50000, flowchart: { htmlLabels: false, useMaxWidth: true } });
  // Mermaid draws some failures (a diagram over its size limit) as a picture instead of rejecting: count those as failed too.
  var drewError = function () {
    return Array.prototype.some.call(document.querySelectorAll('pre.mermaid svg'), function (svg) {
      return svg.getAttribute('aria-roledescription') === 'error' || /Maximum text size in diagram exceeded|Syntax error in text/.test(svg.textContent);
    });
  };
  mermaid.run({ querySelector: 'pre.mermaid' }).then(function () { done(drewError() ? 'failed' : 'rendered'); }, function (error) { done('failed'); console.error(error); });
})();
</script>
</body>
</html>
`;
}

/** A script's text made safe inside `<script>`: it may not close the element or open a comment state. */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
