import { clauseAnchor, type AuditPack } from '../audit/auditPack.js';
import type { ClauseCoverage } from '../coverage/coverageReport.js';
import { documentLabels, evidenceText, reasonTexts } from '../coverage/coverageText.js';
import { diagramBlock, evidenceTable, findingsTable, registerTable } from './auditMarkdownSections.js';
import { cycleMarkdown } from './cycleSections.js';
import { escapeMarkdown } from './markdownEscape.js';
import { soaMarkdownLines } from './soaReport.js';
import { coverageSummaryText } from './shared.js';

/** The audit pack as Markdown (GitHub renders its mermaid blocks): the same sections as the HTML page. */
export function renderAuditMarkdown(pack: AuditPack): string {
  const revision = pack.revision ? `git \`${pack.revision.commit}\`${pack.revision.dirty ? ' with uncommitted changes' : ''}` : 'not a git revision';
  const lines = [
    `# ${escapeMarkdown(pack.title)}`,
    '',
    `Built on ${escapeMarkdown(pack.generatedOn)} from ${revision} by Clausemark ${escapeMarkdown(pack.toolVersion)}. ${escapeMarkdown(coverageSummaryText(pack.summary))}.`,
    '',
    '## Statement of coverage',
    '',
    ...COVERAGE_HEADER,
  ];
  for (const family of pack.families) {
    lines.push(`| **${escapeMarkdown(family.id)}** | **${escapeMarkdown(family.label.slice(family.id.length).trim())}** | | | | |`);
    for (const clause of family.clauses) lines.push(coverageRow(clause, clause.clause));
  }
  // With several catalogs: a statement of coverage for each catalog after the primary.
  for (const other of pack.otherCatalogs) {
    lines.push(
      '',
      `## Statement of coverage: ${escapeMarkdown(other.catalog.title)} (\`${escapeMarkdown(other.alias)}\`)`,
      '',
      `${escapeMarkdown(coverageSummaryText(other.summary))}.`,
      '',
      ...COVERAGE_HEADER,
    );
    for (const clause of other.clauses) lines.push(coverageRow(clause, `${other.alias}:${clause.clause}`));
  }
  for (const soa of pack.soa)
    lines.push('', `## Statement of Applicability: ${escapeMarkdown(soa.catalog.title)} (\`${escapeMarkdown(soa.alias)}\`)`, '', ...soaMarkdownLines(soa));
  lines.push('', '## Traceability by clause family', '');
  for (const family of pack.families) lines.push(`### ${escapeMarkdown(family.label)}`, '', ...family.diagrams.flatMap(diagramBlock));
  lines.push(
    '## Document register',
    '',
    ...registerTable(pack.documents, 'No SMS documents.'),
    '',
    '## Evidence register',
    '',
    ...evidenceTable(pack.evidence),
  );
  lines.push(
    '',
    '## Overdue reviews',
    '',
    ...registerTable(pack.overdue, `No review is overdue on ${pack.generatedOn}.`),
    '',
    '## Open findings',
    '',
    ...findingsTable(pack.findings),
  );
  if (pack.cycle) lines.push('', ...cycleMarkdown(pack.cycle));
  lines.push('', `<sub>Clause titles are short labels, not the text of the standard. Catalog: ${escapeMarkdown(pack.catalog.id)}.</sub>`);
  return `${lines.join('\n')}\n`;
}

const COVERAGE_HEADER = ['| Clause | Title | Status | Documents | Evidence | Reasons |', '| --- | --- | --- | --- | ---: | --- |'];

/** One row of a statement of coverage; `anchor` names the row (qualified for catalogs after the primary). */
function coverageRow(clause: ClauseCoverage, anchor: string): string {
  return `| <a id="${clauseAnchor(anchor)}"></a>${escapeMarkdown(clause.clause)} | ${escapeMarkdown(clause.title)} | ${clause.status} | ${documentLabels(clause).map(escapeMarkdown).join('<br>')} | ${escapeMarkdown(evidenceText(clause))} | ${reasonTexts(clause).map(escapeMarkdown).join('<br>')} |`;
}
