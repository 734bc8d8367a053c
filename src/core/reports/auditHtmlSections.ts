import type { EvidenceEntry, PackDiagram, PackFinding, RegisterEntry } from '../audit/auditPack.js';
import { cssStyle } from '../traceability/diagramStyle.js';
import { escapeHtml, htmlTable } from './coverageHtml.js';
import { htmlDate, htmlLink, htmlMessage } from './htmlMessage.js';

/** The audit pack's own styles, on top of the shared report stylesheet. */
export const PACK_STYLE = `
nav ol { columns: 2; margin: 0 0 1.5rem; }
section { margin: 0 0 2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
figure { margin: 0 0 1.5rem; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; }
figcaption { color: #59636e; font-size: .85rem; margin-top: .5rem; }
pre.mermaid { margin: 0; white-space: pre; font-size: .75rem; }
pre.mermaid svg { max-width: 100%; height: auto; }
ul.legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .35rem .9rem; font-size: .8rem; }
ul.legend .swatch { display: inline-block; width: 1.4rem; height: .9rem; border-radius: 3px; vertical-align: -.1rem; margin-right: .3rem; }
ul.legend .edge { display: inline-block; width: 1.4rem; border-top: 2px dotted #333; vertical-align: .25rem; margin-right: .3rem; }
time, td.date, code.rule { white-space: nowrap; }
.overdue { color: var(--uncovered); font-weight: 600; white-space: nowrap; }
.state-missing, .state-outside, .state-invalid { color: var(--uncovered); font-weight: 600; }
.state-stale { color: var(--partial); font-weight: 600; }
.none { color: #59636e; font-style: italic; }
@media print {
  nav { display: none; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  figure { break-inside: avoid; page-break-inside: avoid; border: none; }
}
`;

/** One diagram with its caption and a legend of the states drawn in it. */
export function diagramFigure(diagram: PackDiagram): string {
  const loose = diagram.source.includes('-.->') ? '<li><span class="edge"></span>evidence linked for a clause the document does not claim</li>' : '';
  const legend = diagram.legend
    .map(
      (entry) =>
        `<li class="${escapeHtml(entry.className)}"><span class="swatch" style="${escapeHtml(cssStyle(entry.style))}"></span>${escapeHtml(entry.label)}</li>`,
    )
    .join('');
  return `<figure class="diagram" id="${escapeHtml(diagram.id)}">
<pre class="mermaid">${escapeHtml(diagram.source)}</pre>
<figcaption>${escapeHtml(diagram.caption)}<ul class="legend" aria-label="Legend">${legend}${loose}</ul></figcaption>
</figure>`;
}

/** The document register (or the overdue reviews): each document a link to its file, overdue reviews marked. */
export function registerTable(entries: readonly RegisterEntry[], empty: string): string {
  return htmlTable(
    ['Id', 'Title', 'Type', 'Owner', 'Version', 'Status', 'Approved', 'Next review'],
    entries.map((entry) => [
      `<code>${escapeHtml(entry.id)}</code>`,
      `${htmlLink(entry.title, entry.href)}<br><small class="muted">${htmlLink(entry.path, entry.href)}</small>`,
      escapeHtml(entry.type ?? ''),
      escapeHtml(entry.owner ?? ''),
      entry.version !== undefined ? escapeHtml(entry.version) : htmlDate(entry.date),
      escapeHtml(entry.status ?? ''),
      [entry.approvedBy !== undefined ? escapeHtml(entry.approvedBy) : undefined, entry.approvedOn !== undefined ? htmlDate(entry.approvedOn) : undefined]
        .filter((part) => part !== undefined)
        .join(', '),
      entry.overdue
        ? `<td class="date"><span class="overdue">${htmlDate(entry.nextReview)} overdue</span></td>`
        : `<td class="date">${htmlDate(entry.nextReview)}</td>`,
    ]),
    empty,
  );
}

/** The evidence register: the citing document and the evidence, each a link; what cannot be opened is said so. */
export function evidenceTable(entries: readonly EvidenceEntry[]): string {
  const rows = entries.map((entry) => {
    const target =
      entry.targetTitle !== undefined
        ? `${htmlLink(entry.targetTitle, entry.href)}<br><small class="muted">${htmlLink(entry.target, entry.href)}</small>`
        : htmlLink(entry.target, entry.href);
    return `<tr id="${escapeHtml(entry.anchor)}"><td class="clause">${escapeHtml(entry.clause)}</td><td><a href="${escapeHtml(entry.documentHref)}"><code>${escapeHtml(entry.documentId)}</code></a></td><td>${target}</td><td class="date">${htmlDate(entry.date)}</td><td class="state-${escapeHtml(entry.state)}">${escapeHtml(entry.state)}</td></tr>`;
  });
  if (rows.length === 0) return '<p class="none">No evidence is linked.</p>';
  return `<table>
<thead><tr>${['Clause', 'Document', 'Evidence', 'Date', 'State'].map((header) => `<th scope="col">${header}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** Open findings by severity, each saying what it is about (a clause, a document) and linking there. */
export function findingsTable(findings: readonly PackFinding[]): string {
  return htmlTable(
    ['About', 'Severity', 'Rule', 'Message'],
    findings.map((item) => [
      `${htmlLink(item.subject, item.href)}${item.line !== undefined ? ` <small class="muted">line&nbsp;${item.line}</small>` : ''}`,
      `<span class="severity-${escapeHtml(item.finding.severity)}">${escapeHtml(item.finding.severity)}</span>`,
      `<code class="rule">${escapeHtml(item.finding.ruleId)}</code>`,
      htmlMessage(item.finding.message),
    ]),
    'No open findings.',
  );
}
