import type { AuditPack, RegisterEntry } from '../audit/auditPack.js';
import { clauseRow, coverageCards, escapeHtml, htmlHead, htmlTable, HTML_STYLE } from './coverageHtml.js';
import { coverageSummaryText, formatLocation, plural, REPOSITORY_FILE, sortedFindings } from './shared.js';

export interface AuditHtmlOptions {
  /** The mermaid library (`mermaid/dist/mermaid.min.js`), inlined so the page needs no network. */
  readonly mermaidScript: string;
  /** A fresh random value per page; only scripts carrying it may run (the CSP says so). */
  readonly nonce: string;
}

const PACK_STYLE = `
nav ol { columns: 2; margin: 0 0 1.5rem; }
section { margin: 0 0 2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
figure { margin: 0 0 1.5rem; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; }
figcaption { color: #59636e; font-size: .85rem; margin-top: .5rem; }
pre.mermaid { margin: 0; white-space: pre; font-size: .75rem; }
pre.mermaid svg { max-width: 100%; height: auto; }
.none { color: #59636e; font-style: italic; }
@media print {
  nav { display: none; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  figure { break-inside: avoid; page-break-inside: avoid; border: none; }
}
`;

/**
 * The audit pack as one self-contained HTML page: inline CSS that prints, the traceability diagrams rendered in
 * the page by the inlined mermaid with `securityLevel: 'strict'`, a Content-Security-Policy that lets only the
 * page's own nonce-bearing scripts run and loads nothing from the network, every document string escaped.
 */
export function renderAuditHtml(pack: AuditPack, options: AuditHtmlOptions): string {
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
  const summary = pack.summary;
  const revision = pack.revision ? `git ${pack.revision.commit}${pack.revision.dirty ? ' with uncommitted changes' : ''}` : 'not a git revision';
  return `${htmlHead({ title: pack.title, toolVersion: pack.toolVersion, csp, style: HTML_STYLE + PACK_STYLE })}
<body>
<header>
<h1>${escapeHtml(pack.title)}</h1>
<p class="meta">Built on ${escapeHtml(pack.generatedOn)} from ${escapeHtml(revision)} by Clausemark ${escapeHtml(pack.toolVersion)}. ${escapeHtml(coverageSummaryText(summary))}.</p>
</header>
<nav aria-label="Contents"><ol>
<li><a href="#coverage">Statement of coverage</a></li>
<li><a href="#traceability">Traceability by clause family</a></li>
<li><a href="#documents">Document register</a></li>
<li><a href="#evidence">Evidence register</a></li>
<li><a href="#overdue">Overdue reviews</a></li>
<li><a href="#findings">Open findings</a></li>
</ol></nav>
<main>
<section id="coverage">
<h2>Statement of coverage</h2>
${coverageCards(summary)}
<table>
<thead><tr><th scope="col">Clause</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Documents</th><th scope="col">Evidence</th><th scope="col">Gaps</th></tr></thead>
<tbody>
${pack.families.map((family) => [`<tr class="section"><th colspan="6" scope="colgroup">${escapeHtml(family.label)}</th></tr>`, ...family.clauses.map(clauseRow)].join('\n')).join('\n')}
</tbody>
</table>
</section>
<section id="traceability">
<h2>Traceability by clause family</h2>
<p class="muted">Each clause, coloured by status, with the documents that address it (coloured by document status) and the evidence they link.</p>
${pack.families
  .map(
    (family) => `<figure class="diagram" id="family-${escapeHtml(family.id)}">
<pre class="mermaid">${escapeHtml(family.diagram)}</pre>
<figcaption>${escapeHtml(family.label)}: ${plural(family.clauses.length, 'leaf clause')}</figcaption>
</figure>`,
  )
  .join('\n')}
</section>
<section id="documents">
<h2>Document register</h2>
${registerTable(pack.documents, 'No SMS documents.')}
</section>
<section id="evidence">
<h2>Evidence register</h2>
${htmlTable(
  ['Clause', 'Document', 'Evidence', 'Date', 'State'],
  pack.evidence.map((item) => [`<td class="clause">${escapeHtml(item.clause)}</td>`, `<code>${escapeHtml(item.documentId)}</code>`, escapeHtml(item.target), escapeHtml(item.date ?? ''), escapeHtml(item.state)]),
  'No evidence is linked.',
)}
</section>
<section id="overdue">
<h2>Overdue reviews</h2>
${registerTable(pack.overdue, `No review is overdue on ${pack.generatedOn}.`)}
</section>
<section id="findings">
<h2>Open findings</h2>
${htmlTable(
  ['Location', 'Severity', 'Rule', 'Message'],
  sortedFindings(pack.findings).map((finding) => [escapeHtml(finding.file === REPOSITORY_FILE ? '(repository)' : formatLocation(finding.file, finding.range)), escapeHtml(finding.severity), `<code>${escapeHtml(finding.ruleId)}</code>`, escapeHtml(finding.message)]),
  'No open findings.',
)}
</section>
</main>
<footer>Generated by Clausemark ${escapeHtml(pack.toolVersion)} from the ${escapeHtml(pack.catalog.id)} catalog. Clause titles are short labels, not the text of the standard.</footer>
<script nonce="${nonce}">${inlineScript(options.mermaidScript)}</script>
<script nonce="${nonce}">
(function () {
  var done = function (state) { document.body.setAttribute('data-diagrams', state); };
  if (typeof mermaid === 'undefined') { done('unavailable'); return; }
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', flowchart: { htmlLabels: false, useMaxWidth: true } });
  mermaid.run({ querySelector: 'pre.mermaid' }).then(function () { done('rendered'); }, function (error) { done('failed'); console.error(error); });
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

function registerTable(entries: readonly RegisterEntry[], empty: string): string {
  return htmlTable(
    ['Id', 'Title', 'Type', 'Owner', 'Version', 'Status', 'Approved', 'Next review'],
    entries.map((entry) => [
      `<code>${escapeHtml(entry.id)}</code>`,
      `${escapeHtml(entry.title)}<br><small class="muted">${escapeHtml(entry.path)}</small>`,
      ...[entry.type, entry.owner, entry.version ?? entry.date, entry.status, [entry.approvedBy, entry.approvedOn].filter((part) => part !== undefined).join(', '), entry.nextReview].map((value) => escapeHtml(value ?? '')),
    ]),
    empty,
  );
}
