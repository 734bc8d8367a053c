import type { PackCycle } from '../audit/packCycle.js';
import type { NonconformityRecord } from '../model/nonconformity.js';
import { escapeHtml, htmlTable } from './coverageHtml.js';
import { escapeMarkdown } from './markdownEscape.js';

// The views render the cycle the core computed; these are only its rows and words.
const NC_HEADERS = ['Id', 'Clause', 'Grade', 'Raised', 'Due', 'Status', 'Action', 'Verified', 'State', 'Report'];

function nonconformityCells(nc: NonconformityRecord): string[] {
  return [
    nc.id ?? '',
    nc.clause ?? '',
    nc.grade ?? '',
    nc.raisedOn ?? '',
    nc.due ?? '',
    nc.status ?? '',
    nc.action ?? '',
    nc.verifiedOn ?? '',
    nc.state,
    nc.documentId ?? nc.documentPath,
  ];
}

function programmeHeaders(cycle: PackCycle): string[] {
  return ['Clause', ...cycle.audits.map((audit) => `${audit.label} ${audit.date}`)];
}

function programmeCells(cycle: PackCycle, row: PackCycle['programme'][number]): string[] {
  return [row.label, ...row.audited.map((audited, index) => (audited ? cycle.audits[index]!.date : ''))];
}

function cycleIntro(cycle: PackCycle): string {
  return cycle.certifiedOn !== undefined
    ? `Certified on ${cycle.certifiedOn}; the certificate runs to ${cycle.expiresOn}.`
    : 'No certification block in clausemark.json: the audits and reviews recorded.';
}

/** The certification cycle sections of the HTML audit pack. */
export function cycleHtml(cycle: PackCycle): string {
  const cell = (text: string): string => escapeHtml(text);
  return `<section id="cycle">
<h2>Certification cycle</h2>
<p class="muted">${escapeHtml(cycleIntro(cycle))}</p>
<figure class="timeline" id="cycle-timeline"><pre class="mermaid">${escapeHtml(cycle.timeline)}</pre><figcaption>The cycle: certificate, audits and management reviews.</figcaption></figure>
<h3 id="audit-programme">Audit programme</h3>
${htmlTable(
  programmeHeaders(cycle),
  cycle.programme.map((row) => programmeCells(cycle, row).map(cell)),
  'No audits are recorded or planned.',
)}
<h3 id="nonconformities">Nonconformity register</h3>
${htmlTable(
  NC_HEADERS,
  cycle.nonconformities.map((nc) => nonconformityCells(nc).map(cell)),
  'No audit findings are recorded.',
)}
<h3 id="management-reviews">Management review log</h3>
${htmlTable(
  ['Review', 'Date', 'File'],
  cycle.managementReviews.map((review) => [review.documentId, review.date, review.path].map(cell)),
  'No management review is recorded.',
)}
</section>`;
}

/** The same sections as Markdown. */
export function cycleMarkdown(cycle: PackCycle): string[] {
  const table = (headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string[] =>
    rows.length === 0
      ? [escapeMarkdown(empty)]
      : [
          `| ${headers.map(escapeMarkdown).join(' | ')} |`,
          `| ${headers.map(() => '---').join(' | ')} |`,
          ...rows.map((cells) => `| ${cells.map(escapeMarkdown).join(' | ')} |`),
        ];
  return [
    '## Certification cycle',
    '',
    escapeMarkdown(cycleIntro(cycle)),
    '',
    '```mermaid',
    cycle.timeline,
    '```',
    '',
    '### Audit programme',
    '',
    ...table(
      programmeHeaders(cycle),
      cycle.programme.map((row) => programmeCells(cycle, row)),
      'No audits are recorded or planned.',
    ),
    '',
    '### Nonconformity register',
    '',
    ...table(NC_HEADERS, cycle.nonconformities.map(nonconformityCells), 'No audit findings are recorded.'),
    '',
    '### Management review log',
    '',
    ...table(
      ['Review', 'Date', 'File'],
      cycle.managementReviews.map((review) => [review.documentId, review.date, review.path]),
      'No management review is recorded.',
    ),
  ];
}
