import type { ClauseDelta, CoverageDelta } from '../change/coverageDelta.js';
import type { DocumentChange } from '../change/documentChanges.js';
import type { ChangeReview } from '../change/reviewChange.js';
import type { SuspectLink } from '../change/suspectLinks.js';
import type { CoverageSummary } from '../coverage/coverageReport.js';
import type { ClauseClaim } from '../model/smsDocument.js';
import { cycleChangeLines } from './changeCycle.js';
import { escapeMarkdown, markdownLinkTarget } from './markdownEscape.js';
import { firstItems, rowsWithinBudget } from './lengthBudget.js';
import { findingsTableSection } from './markdownReport.js';
import { MermaidIds, mermaidLabel, STATUS_CLASS_DEFS } from './mermaidText.js';
import { countFindings, formatPercent, normalisePrefix, plural, severityCountsText } from './shared.js';

/** The hidden marker a CI job can look for to update its previous comment instead of adding one. */
export const CHANGE_REPORT_MARKER = '<!-- clausemark-change-report -->';

export interface ChangeMarkdownOptions {
  /** `https://github.com/org/repo/blob/<sha>/` for links to the head's files; plain text without it. */
  readonly linkBase?: string;
  /** Where the Clausemark root sits inside the linked repository. */
  readonly pathPrefix?: string;
  /** Lists longer than this fold into `<details>`; default 15. */
  readonly collapseAbove?: number;
  /** Upper bound on the body; default 60000 (GitHub allows 65536 per comment). */
  readonly maxLength?: number;
  /** Diagram size limit in nodes; default 40. */
  readonly diagramNodes?: number;
  readonly toolVersion: string;
}

/**
 * A pull-request comment about a change: coverage before and after, the clauses it moved, the findings it
 * introduced, document control and links to re-review, and a mermaid diagram of what it touched.
 */
export function renderChangeMarkdown(review: ChangeReview, options: ChangeMarkdownOptions): string {
  const collapseAbove = options.collapseAbove ?? 15;
  const maxLength = options.maxLength ?? 60_000;
  const { delta } = review;
  const counts = countFindings(review.newFindings);
  const baseName = `${review.base.ref ?? 'base'}${review.base.commit ? ` (${review.base.commit.slice(0, 7)})` : ''}`;
  const headName = review.head.ref !== undefined ? `${review.head.ref}${review.head.commit ? ` (${review.head.commit.slice(0, 7)})` : ''}` : 'the working tree';
  const head = [
    CHANGE_REPORT_MARKER,
    '## Clausemark: what this change does to the SMS',
    '',
    `Compared ${escapeMarkdown(headName)} with ${escapeMarkdown(baseName)}: ${plural(review.documents.length, 'SMS document')} changed, ` +
      `${review.newFindings.length === 0 ? 'no new findings' : `${plural(review.newFindings.length, 'new finding')} (${severityCountsText(counts)})`}, ` +
      `${review.fixedFindings.length} fixed, ` +
      `coverage${review.catalog ? ` of catalog \`${escapeMarkdown(review.catalog.alias)}\` (${escapeMarkdown(review.catalog.title)})` : ''} ` +
      `${formatPercent(delta.before.percent)} → ${formatPercent(delta.after.percent)}.`,
    '',
    ...summaryTable(delta.before, delta.after),
    // With several catalogs: each catalog after the primary in a line of its own.
    ...review.catalogDeltas.flatMap(({ alias, title, delta: other }) => [
      '',
      `Catalog \`${escapeMarkdown(alias)}\` (${escapeMarkdown(title)}): coverage ${formatPercent(other.before.percent)} → ${formatPercent(other.after.percent)}${movedText(other)}.`,
    ]),
  ];
  const diagram = diagramSection(review, options.diagramNodes ?? 40);
  const footer = ['', `<sub>Clausemark ${escapeMarkdown(options.toolVersion)} · dates judged against ${escapeMarkdown(review.head.result.today)}</sub>`];
  // Every list goes through the budget: each of the four below may take a fifth of what is left after the
  // fixed parts (the slack covers their headings and folding), and the findings table takes whatever remains.
  const share = Math.max(0, Math.floor((maxLength - [...head, ...diagram, ...footer].join('\n').length - 2000) / 5));
  const sections = [
    ...cycleSection(review, collapseAbove, share),
    ...deltaSection(delta, collapseAbove, share),
    ...documentsSection(review.documents, collapseAbove, share),
    ...suspectSection(review.suspects, collapseAbove, share),
    ...diagram,
  ];
  const fixedLength = [...head, ...sections, ...footer].join('\n').length + 600;
  const base = options.linkBase !== undefined ? markdownLinkTarget(options.linkBase.endsWith('/') ? options.linkBase : `${options.linkBase}/`) : undefined;
  const tables = { base, prefix: normalisePrefix(options.pathPrefix), collapseAbove };
  const findings = findingsTableSection(review.newFindings, { ...tables, budget: Math.max(0, maxLength - fixedLength), heading: 'New findings' });
  // The fixed findings share what is left of the budget, so the new ones are never cut for them.
  const fixedBudget = Math.max(0, maxLength - fixedLength - findings.join('\n').length);
  const fixed = findingsTableSection(review.fixedFindings, {
    ...tables,
    budget: fixedBudget,
    heading: 'Findings this change fixes',
    fullList: '`clausemark diff --format json` (`change.fixed`)',
  });
  return `${[...head, ...findings, ...fixed, ...sections, ...footer].join('\n')}\n`;
}

function summaryTable(before: CoverageSummary, after: CoverageSummary): string[] {
  const row = (label: string, a: number, b: number): string => `| ${label} | ${a} | ${b} | ${signed(b - a)} |`;
  const points = Math.round((after.percent - before.percent) * 10) / 10;
  return [
    '| Leaf clauses | Before | After | Change |',
    '| --- | ---: | ---: | ---: |',
    row('Covered', before.covered, after.covered),
    row('At-risk', before.atRisk, after.atRisk),
    row('Partial', before.partial, after.partial),
    row('Uncovered', before.uncovered, after.uncovered),
    `| **Coverage** | ${formatPercent(before.percent)} | ${formatPercent(after.percent)} | ${signed(points)} points |`,
  ];
}

/** Audit reports added and nonconformities raised, closed, reopened or removed: what an auditor asks about first. */
function cycleSection(review: ChangeReview, collapseAbove: number, budget: number): string[] {
  const lines = cycleChangeLines(review.cycle);
  if (lines.length === 0) return [];
  const items = lines.map(
    (line) =>
      `- ${escapeMarkdown(line.text)}${line.file !== undefined ? ` <sub>${escapeMarkdown(line.file)}${line.range ? `:${line.range.start.line}` : ''}</sub>` : ''}`,
  );
  return [
    '',
    '### Certification cycle',
    '',
    ...collapsible(rowsWithinBudget(items, budget, 'cycle change'), lines.length > collapseAbove, plural(lines.length, 'cycle change')),
  ];
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '±0';
}

function deltaSection(delta: CoverageDelta, collapseAbove: number, budget: number): string[] {
  const moved = delta.clauses.filter((clause) => clause.before !== clause.after);
  const lines = ['', '### Coverage delta', ''];
  if (moved.length === 0) {
    lines.push(
      delta.clauses.length === 0
        ? 'No clause is affected by this change.'
        : `No clause changed status; ${plural(delta.clauses.length, 'clause')} had addressing documents edited.`,
    );
    return lines;
  }
  const order = { uncovered: 0, partial: 1, 'at-risk': 2, covered: 3, excluded: 4 } as const;
  const sorted = [...moved].sort((a, b) => order[a.after] - order[b.after] || a.clause.localeCompare(b.clause, 'en', { numeric: true }));
  const table = [
    '| Clause | Title | Before | After | Documents |',
    '| --- | --- | --- | --- | --- |',
    ...rowsWithinBudget(sorted.map(deltaRow), budget, 'clause'),
  ];
  const counts = (['covered', 'at-risk', 'partial', 'uncovered'] as const)
    .map((status) => `${moved.filter((clause) => clause.after === status).length} newly ${status}`)
    .join(', ');
  lines.push(`${counts}.`, '');
  return [...lines, ...collapsible(table, moved.length > collapseAbove, `${plural(moved.length, 'clause')} changed status`)];
}

function deltaRow(clause: ClauseDelta): string {
  const documents = [
    ...clause.documentsAdded.map((id) => `+ ${escapeMarkdown(id)}`),
    ...clause.documentsRemoved.map((id) => `− ${escapeMarkdown(id)}`),
    ...clause.documentsChanged
      .filter((id) => !clause.documentsAdded.includes(id) && !clause.documentsRemoved.includes(id))
      .map((id) => `✎ ${escapeMarkdown(id)}`),
  ];
  return `| ${escapeMarkdown(clause.clause)} | ${escapeMarkdown(clause.title)} | ${clause.before} | **${clause.after}** | ${firstItems(documents, DOCUMENTS_PER_CLAUSE).join('<br>')} |`;
}

/** Documents named in one clause's row; a policy a thousand documents rely on must not make one row of them all. */
const DOCUMENTS_PER_CLAUSE = 10;

const KIND_LABEL: Record<DocumentChange['kind'], string> = { added: 'added', modified: 'modified', moved: 'moved', deleted: 'deleted' };

function documentsSection(changes: readonly DocumentChange[], collapseAbove: number, budget: number): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map((change) => {
    const document = change.head ?? change.base;
    const id = document?.id?.value ?? change.path;
    const title = document?.title?.value ?? '';
    const what =
      change.kind === 'modified' || change.kind === 'moved'
        ? [KIND_LABEL[change.kind], change.bodyChanged ? 'text' : '', change.clausesChanged ? 'clauses' : ''].filter((part) => part !== '').join(', ')
        : KIND_LABEL[change.kind];
    return `| <code>${escapeMarkdown(id)}</code> ${escapeMarkdown(title)}<br><sub>${escapeMarkdown(change.path)}</sub> | ${what} | ${transition(change.base?.version?.value, change.head?.version?.value)} | ${transition(change.base?.status?.value, change.head?.status?.value)} | ${transition(change.base?.approvedOn?.value, change.head?.approvedOn?.value)} |`;
  });
  const table = ['| Document | Change | Version | Status | Approved |', '| --- | --- | --- | --- | --- |', ...rowsWithinBudget(rows, budget, 'document')];
  return ['', '### Documents changed', '', ...collapsible(table, changes.length > collapseAbove, plural(changes.length, 'document'))];
}

function transition(before: string | undefined, after: string | undefined): string {
  if (before === after) return before === undefined ? '' : escapeMarkdown(before);
  return `${before === undefined ? '—' : escapeMarkdown(before)} → ${after === undefined ? '—' : escapeMarkdown(after)}`;
}

function suspectSection(suspects: readonly SuspectLink[], collapseAbove: number, budget: number): string[] {
  if (suspects.length === 0) return [];
  const items = suspects.map(
    (suspect) =>
      `- <code>${escapeMarkdown(suspect.documentId ?? suspect.path)}</code> ${escapeMarkdown(suspect.documentTitle ?? '')} (${escapeMarkdown(suspect.path)}) relies on ${suspect.via === 'related' ? `<code>${escapeMarkdown(suspect.target)}</code>` : `the evidence file ${escapeMarkdown(suspect.target)}`}, which changed`,
  );
  return [
    '',
    '### Re-review (suspect links)',
    '',
    'These documents were not edited, but something they rely on was:',
    '',
    ...collapsible(rowsWithinBudget(items, budget, 'document link'), suspects.length > collapseAbove, plural(suspects.length, 'document link')),
  ];
}

function collapsible(lines: readonly string[], collapse: boolean, summary: string): string[] {
  return collapse ? [`<details><summary>${escapeMarkdown(summary)}</summary>`, '', ...lines, '', '</details>'] : [...lines];
}

/** Changed documents, the clauses they address (before and after), and the documents that rely on them. */
export function changeDiagram(review: ChangeReview, maxNodes: number): { readonly source: string; readonly omitted: number } | undefined {
  if (review.documents.length === 0 && review.delta.clauses.length === 0) return undefined;
  const documents = new MermaidIds('d');
  const clauses = new MermaidIds('c');
  const lines = ['flowchart LR'];
  const statusOf = new Map(review.delta.clauses.map((clause) => [clause.clause, clause]));
  // The clauses of the catalog the review shows (the primary unless `--catalog` picked another), by its own ids.
  const { catalogs: coverages, coverage, index } = review.head.result;
  const shown = coverages.find((catalog) => catalog.alias === review.catalog?.alias) ?? coverages[0];
  const titleOf = new Map((shown?.report ?? coverage).clauses.map((clause) => [clause.clause, clause.title]));
  const idsOf = (claims: readonly ClauseClaim[] | undefined): string[] =>
    (claims ?? []).flatMap((claim) => (shown ? (index.catalogs.idOfKey(claim.clause, shown.alias) ?? []) : [claim.clause]));
  let nodes = 0;
  let omitted = 0;
  const declared = new Set<string>();
  const declare = (id: string, line: string): boolean => {
    if (declared.has(id)) return true;
    if (nodes >= maxNodes) return false;
    nodes++;
    declared.add(id);
    lines.push(line);
    return true;
  };
  for (const change of review.documents) {
    const document = change.head ?? change.base;
    const key = document?.id?.value ?? change.path;
    const docId = documents.idOf(key);
    if (!declare(docId, `  ${docId}[${mermaidLabel(`${key} (${change.kind})`)}]:::document`)) {
      omitted++;
      continue;
    }
    const before = new Set(idsOf(change.base?.clauses));
    const after = new Set(change.head?.status?.value === 'retired' ? [] : idsOf(change.head?.clauses));
    for (const clause of [...new Set([...before, ...after])].sort()) {
      const clauseId = clauses.idOf(clause);
      const status = statusOf.get(clause)?.after;
      const title = titleOf.get(clause);
      if (title === undefined) continue; // an unknown clause id: reported as a finding, not drawn
      if (!declare(clauseId, `  ${clauseId}[${mermaidLabel(`${clause} ${title}`)}]${status ? `:::${status}` : ''}`)) {
        omitted++;
        continue;
      }
      lines.push(
        after.has(clause) ? (before.has(clause) ? `  ${docId} --> ${clauseId}` : `  ${docId} -->|added| ${clauseId}`) : `  ${docId} -.->|removed| ${clauseId}`,
      );
    }
  }
  for (const suspect of review.suspects.filter((item) => item.via === 'related')) {
    const target = documents.idOf(suspect.target);
    if (!declared.has(target)) continue;
    const from = documents.idOf(suspect.documentId ?? suspect.path);
    if (!declare(from, `  ${from}[${mermaidLabel(`${suspect.documentId ?? suspect.path} (re-review)`)}]`)) {
      omitted++;
      continue;
    }
    lines.push(`  ${from} -.->|relies on| ${target}`);
  }
  lines.push(...STATUS_CLASS_DEFS.map((line) => `  ${line}`));
  return { source: lines.join('\n'), omitted };
}

function diagramSection(review: ChangeReview, maxNodes: number): string[] {
  const diagram = changeDiagram(review, maxNodes);
  if (!diagram) return [];
  const note = diagram.omitted > 0 ? [`<sub>${plural(diagram.omitted, 'more node')} left out to keep the diagram readable.</sub>`, ''] : [];
  return [
    '',
    '### What the change touches',
    '',
    '<details open><summary>Diagram: changed documents and their clauses</summary>',
    '',
    '```mermaid',
    diagram.source,
    '```',
    '',
    ...note,
    '</details>',
  ];
}

/** `; newly covered: A.5.24, A.5.26` — the clauses of a catalog the change moved, by their new state. */
function movedText(delta: CoverageDelta): string {
  const moved = delta.clauses.filter((clause) => clause.before !== clause.after);
  const byState = [...new Set(moved.map((clause) => clause.after))].map(
    (state) =>
      `newly ${state}: ${moved
        .filter((clause) => clause.after === state)
        .map((clause) => escapeMarkdown(clause.clause))
        .join(', ')}`,
  );
  return byState.length > 0 ? `; ${byState.join('; ')}` : '';
}
