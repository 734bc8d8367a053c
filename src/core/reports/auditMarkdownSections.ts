import type { EvidenceEntry, PackDiagram, PackFinding, RegisterEntry } from '../audit/auditPack.js';
import { escapeMarkdown, escapeMarkdownMessage } from './markdownEscape.js';

/** `[text](href)` with the text escaped; the href is a percent-encoded relative path or http(s) URL from the pack. */
export function markdownLink(text: string, href: string | undefined): string {
  if (href === undefined) return escapeMarkdown(text);
  return `[${escapeMarkdown(text)}](${href.replace(/[\s()<>\\`"'[\]|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

/** One diagram: its caption, the mermaid block and the legend of the states drawn in it. */
export function diagramBlock(diagram: PackDiagram): string[] {
  const legend = diagram.legend.map((entry) => escapeMarkdown(entry.label)).join(' · ');
  const loose = diagram.source.includes('-.->') ? ' · dotted line: evidence linked for a clause the document does not claim' : '';
  return [
    `#### ${escapeMarkdown(diagram.caption)}`,
    '',
    '```mermaid',
    diagram.source,
    '```',
    '',
    `<sub>Legend: ${legend}${loose}. Dashed outlines: drafts, and evidence that is missing or does not count.</sub>`,
    '',
  ];
}

/** The document register (or the overdue reviews): each document a link to its file, overdue reviews marked. */
export function registerTable(entries: readonly RegisterEntry[], empty: string): string[] {
  if (entries.length === 0) return [escapeMarkdown(empty)];
  return [
    '| Id | Title | Type | Owner | Version | Status | Approved | Next review |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...entries.map((entry) => {
      const cells = [
        escapeMarkdown(entry.id),
        `${markdownLink(entry.title, entry.href)} (${markdownLink(entry.path, entry.href)})`,
        ...[
          entry.type,
          entry.owner,
          entry.version ?? entry.date,
          entry.status,
          [entry.approvedBy, entry.approvedOn].filter((part) => part !== undefined).join(', '),
          entry.nextReview,
        ].map((value) => escapeMarkdown(value ?? '')),
      ];
      if (entry.overdue) cells[cells.length - 1] = `**${cells[cells.length - 1]} overdue**`;
      return `| ${cells.join(' | ')} |`;
    }),
  ];
}

export function evidenceTable(entries: readonly EvidenceEntry[]): string[] {
  if (entries.length === 0) return ['No evidence is linked.'];
  return [
    '| Clause | Document | Evidence | Date | State |',
    '| --- | --- | --- | --- | --- |',
    ...entries.map((entry) => {
      const target =
        entry.targetTitle !== undefined
          ? `${markdownLink(entry.targetTitle, entry.href)} (${markdownLink(entry.target, entry.href)})`
          : markdownLink(entry.target, entry.href);
      const state = entry.state === 'current' || entry.state === 'undated' ? entry.state : `**${entry.state}**`;
      return `| ${escapeMarkdown(entry.clause)} | ${markdownLink(entry.documentId, entry.documentHref)} | ${target} | ${escapeMarkdown(entry.date ?? '')} | ${state} |`;
    }),
  ];
}

export function findingsTable(findings: readonly PackFinding[]): string[] {
  if (findings.length === 0) return ['No open findings.'];
  return [
    '| About | Severity | Rule | Message |',
    '| --- | --- | --- | --- |',
    ...findings.map((item) => {
      const about = `${markdownLink(item.subject, item.href)}${item.line !== undefined ? `, line ${item.line}` : ''}`;
      return `| ${about} | ${item.finding.severity} | <code>${escapeMarkdown(item.finding.ruleId)}</code> | ${escapeMarkdownMessage(item.finding.message)} |`;
    }),
  ];
}
