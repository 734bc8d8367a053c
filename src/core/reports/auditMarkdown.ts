import type { AuditPack, RegisterEntry } from '../audit/auditPack.js';
import { documentLabels, evidenceText, reasonTexts } from '../coverage/coverageText.js';
import { escapeMarkdown, escapeMarkdownMessage } from './markdownEscape.js';
import { coverageSummaryText, formatLocation, REPOSITORY_FILE, sortedFindings } from './shared.js';

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
    '| Clause | Title | Status | Documents | Evidence | Reasons |',
    '| --- | --- | --- | --- | ---: | --- |',
  ];
  for (const family of pack.families) {
    lines.push(`| **${escapeMarkdown(family.id)}** | **${escapeMarkdown(family.label.slice(family.id.length).trim())}** | | | | |`);
    for (const clause of family.clauses) {
      lines.push(`| ${escapeMarkdown(clause.clause)} | ${escapeMarkdown(clause.title)} | ${clause.status} | ${documentLabels(clause).map(escapeMarkdown).join('<br>')} | ${escapeMarkdown(evidenceText(clause))} | ${reasonTexts(clause).map(escapeMarkdown).join('<br>')} |`);
    }
  }
  lines.push('', '## Traceability by clause family', '');
  for (const family of pack.families) lines.push(`### ${escapeMarkdown(family.label)}`, '', '```mermaid', family.diagram, '```', '');
  lines.push('## Document register', '', ...registerTable(pack.documents, 'No SMS documents.'), '', '## Evidence register', '');
  if (pack.evidence.length === 0) lines.push('No evidence is linked.');
  else {
    lines.push('| Clause | Document | Evidence | Date | State |', '| --- | --- | --- | --- | --- |');
    for (const item of pack.evidence) lines.push(`| ${escapeMarkdown(item.clause)} | ${escapeMarkdown(item.documentId)} | ${escapeMarkdown(item.target)} | ${escapeMarkdown(item.date ?? '')} | ${item.state} |`);
  }
  lines.push('', '## Overdue reviews', '', ...registerTable(pack.overdue, `No review is overdue on ${pack.generatedOn}.`), '', '## Open findings', '');
  if (pack.findings.length === 0) lines.push('No open findings.');
  else {
    lines.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
    for (const finding of sortedFindings(pack.findings)) {
      const where = finding.file === REPOSITORY_FILE ? '(repository)' : formatLocation(finding.file, finding.range);
      lines.push(`| ${escapeMarkdown(where)} | ${finding.severity} | <code>${escapeMarkdown(finding.ruleId)}</code> | ${escapeMarkdownMessage(finding.message)} |`);
    }
  }
  lines.push('', `<sub>Clause titles are short labels, not the text of the standard. Catalog: ${escapeMarkdown(pack.catalog.id)}.</sub>`);
  return `${lines.join('\n')}\n`;
}

function registerTable(entries: readonly RegisterEntry[], empty: string): string[] {
  if (entries.length === 0) return [escapeMarkdown(empty)];
  return [
    '| Id | Title | Type | Owner | Version | Status | Approved | Next review |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...entries.map((entry) =>
      [entry.id, `${entry.title} (${entry.path})`, entry.type, entry.owner, entry.version ?? entry.date, entry.status, [entry.approvedBy, entry.approvedOn].filter((part) => part !== undefined).join(', '), entry.nextReview]
        .map((value) => escapeMarkdown(value ?? ''))
        .join(' | '),
    ).map((row) => `| ${row} |`),
  ];
}
