import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClauseCoverage, ClauseStatus } from '../coverage/coverageReport.js';
import { evidenceText, viaText } from '../coverage/coverageText.js';
import type { NonconformityRecord } from '../model/nonconformity.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { escapeMarkdown } from './markdownText.js';

const STATUS_ICON: Record<ClauseStatus, string> = { covered: '✅', 'at-risk': '⚠️', partial: '🟡', uncovered: '❌', excluded: '➖' };

/** Markdown for a clause: what it is, what documented information it needs, who addresses it and its status. */
export function clauseHover(catalog: ClauseCatalog, clauseId: string, coverage: ClauseCoverage | undefined): string {
  const clause = catalog.get(clauseId);
  if (!clause) return `**${escapeMarkdown(clauseId)}** is not a clause of ${escapeMarkdown(catalog.title)}.`;
  const parts = [`**${escapeMarkdown(clause.id)} ${escapeMarkdown(clause.title)}** — ${escapeMarkdown(catalog.title)}`];
  if (clause.summary) parts.push(escapeMarkdown(clause.summary));
  if (!clause.isLeaf) {
    parts.push(
      `Groups ${catalog
        .leavesUnder(clause.id)
        .map((leaf) => escapeMarkdown(leaf.id))
        .join(', ')}; claim the leaf clauses.`,
    );
    return parts.join('\n\n');
  }
  const needs: string[] = [];
  for (const requirement of clause.documents ?? []) {
    needs.push(
      `- document (${requirement.types.join(' or ')}): ${escapeMarkdown(requirement.description)}${requirement.required === false ? ' *(common practice, not required)*' : ''}`,
    );
  }
  for (const requirement of clause.records ?? []) {
    needs.push(`- records: ${escapeMarkdown(requirement.description)}${requirement.required === false ? ' *(typical evidence, not required)*' : ''}`);
  }
  parts.push(
    needs.length > 0
      ? `**Documented information**\n\n${needs.join('\n')}`
      : 'No specific documented information is required; an approved document addressing it is enough.',
  );
  if (coverage) {
    // A document counting through the crosswalk says so, as in every view.
    const documents = coverage.documents
      .map((document) => `${escapeMarkdown(document.id)} (${escapeMarkdown(`${document.control.label}${viaText(document)}`)})`)
      .join(', ');
    parts.push(
      `**Coverage: ${STATUS_ICON[coverage.status]} ${coverage.status}**${documents ? ` — addressed by ${documents}` : ''}; evidence: ${escapeMarkdown(evidenceText(coverage))}.`,
    );
    if (coverage.reasons.length > 0) parts.push(coverage.reasons.map((reason) => `- ${escapeMarkdown(reason.text)}`).join('\n'));
  }
  return parts.join('\n\n');
}

/** Markdown for a document id: what the document is and where. */
export function documentHover(id: string, documents: readonly SmsDocument[]): string {
  if (documents.length === 0) return `No document has the id **${escapeMarkdown(id)}**.`;
  return documents
    .map((document) => {
      const facts = [
        document.type?.value,
        document.status?.value,
        document.version ? `v${document.version.value}` : undefined,
        document.owner ? `owner ${document.owner.value}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      const clauses = document.clauses.map((claim) => claim.clause).join(', ');
      return `**${escapeMarkdown(id)}** ${escapeMarkdown(document.title?.value ?? '')}\n\n${escapeMarkdown(facts)}\n\n${escapeMarkdown(document.path)}${clauses ? `\n\nClauses: ${escapeMarkdown(clauses)}` : ''}`;
    })
    .join('\n\n---\n\n');
}

/** Markdown for a nonconformity id: its grade, clause, dates, action and state today, from the cycle state. */
export function nonconformityHover(id: string, records: readonly NonconformityRecord[]): string {
  if (records.length === 0) return `No audit finding has the id **${escapeMarkdown(id)}**.`;
  return records
    .map((nc) => {
      const facts = [nc.grade, nc.clause ? `clause ${nc.clause}` : undefined, `state: ${nc.state}`].filter(Boolean).join(' · ');
      const dates = [
        nc.raisedOn ? `raised ${nc.raisedOn}` : undefined,
        nc.due ? `due ${nc.due}` : undefined,
        nc.closedOn ? `closed ${nc.closedOn}` : undefined,
        nc.verifiedOn ? `verified ${nc.verifiedOn}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      const lines = [`**${escapeMarkdown(id)}**${nc.summary ? ` ${escapeMarkdown(nc.summary)}` : ''}`, escapeMarkdown(facts)];
      if (dates) lines.push(escapeMarkdown(dates));
      if (nc.action) lines.push(`Action: ${escapeMarkdown(nc.action)}`);
      lines.push(`${escapeMarkdown(nc.documentId ?? '')} ${escapeMarkdown(nc.documentPath)}`);
      return lines.join('\n\n');
    })
    .join('\n\n---\n\n');
}
