import { READINESS_SECTION_TITLES, type ReadinessItem, type ReadinessReport } from '../cycle/readiness.js';
import { escapeHtml, HTML_STYLE, htmlHead } from './coverageHtml.js';
import { escapeMarkdownMessage } from './markdownEscape.js';

function heading(report: ReadinessReport): string {
  const audit = report.audit;
  const name = audit.kind === undefined ? 'the audit' : `the ${audit.kind} audit`;
  return `Readiness for ${name} on ${audit.date} (in ${audit.daysLeft} day${audit.daysLeft === 1 ? '' : 's'}, judged on ${report.today})`;
}

function verdictLine(report: ReadinessReport): string {
  const review = report.lastManagementReview
    ? `last management review ${report.lastManagementReview.documentId} on ${report.lastManagementReview.date}`
    : 'no management review recorded';
  return `${report.verdict === 'ready' ? 'Ready: nothing blocks' : `Blocked: ${report.blockers} item${report.blockers === 1 ? '' : 's'} block${report.blockers === 1 ? 's' : ''}`}; ${review}.`;
}

function grouped(report: ReadinessReport): [ReadinessItem['section'], ReadinessItem[]][] {
  const sections = new Map<ReadinessItem['section'], ReadinessItem[]>();
  for (const item of report.items) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  return [...sections];
}

export function renderReadinessText(report: ReadinessReport): string {
  const lines = [heading(report), verdictLine(report)];
  for (const [section, items] of grouped(report)) {
    lines.push('', `${READINESS_SECTION_TITLES[section]}:`);
    for (const item of items) lines.push(`  ${item.blocks ? 'BLOCKS' : 'ok    '}  ${item.message}${item.path ? `  (${item.path})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderReadinessMarkdown(report: ReadinessReport): string {
  const lines = [`# ${escapeMarkdownMessage(heading(report))}`, '', `**${escapeMarkdownMessage(verdictLine(report))}**`];
  for (const [section, items] of grouped(report)) {
    lines.push('', `## ${READINESS_SECTION_TITLES[section]}`, '', '| | item | file |', '|---|---|---|');
    for (const item of items)
      lines.push(
        `| ${item.blocks ? 'blocks' : 'ok'} | ${escapeMarkdownMessage(item.message)} | ${item.path ? escapeMarkdownMessage(`\`${item.path}\``) : ''} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function renderReadinessJson(report: ReadinessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderReadinessHtml(report: ReadinessReport, toolVersion: string): string {
  const title = heading(report);
  const sections = grouped(report).map(
    ([section, items]) => `<section>
<h2>${escapeHtml(READINESS_SECTION_TITLES[section])}</h2>
<table><thead><tr><th scope="col"></th><th scope="col">Item</th><th scope="col">File</th></tr></thead><tbody>
${items.map((item) => `<tr><td><span class="status ${item.blocks ? 'uncovered' : 'covered'}">${item.blocks ? 'blocks' : 'ok'}</span></td><td>${escapeHtml(item.message)}</td><td>${item.path ? `<code>${escapeHtml(item.path)}</code>` : ''}</td></tr>`).join('\n')}
</tbody></table>
</section>`,
  );
  return `${htmlHead({ title, toolVersion, csp: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", style: HTML_STYLE })}
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta verdict-${report.verdict}">${escapeHtml(verdictLine(report))}</p>
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
