import { newly, type CoverageDelta } from '../change/coverageDelta.js';
import type { ChangeReview } from '../change/reviewChange.js';
import { cycleChangeLines } from './changeCycle.js';
import { formatLocation, formatPercent, neutraliseControls, plural } from './shared.js';

/** The lines `check --base` prints after the findings: the base, the coverage delta and the links to re-review. */
export function changeSummaryText(review: ChangeReview): string {
  const { delta } = review;
  const base = `${review.base.ref ?? 'base'}${review.base.commit ? ` (${review.base.commit.slice(0, 7)})` : ''}`;
  const lines = [
    `Against ${neutraliseControls(base)}: ${plural(review.newFindings.length, 'new finding')}, ${review.fixedFindings.length} fixed, ${plural(review.documents.length, 'SMS document')} changed.`,
    `Coverage ${review.catalog ? `of ${neutraliseControls(review.catalog.alias)} ` : ''}${deltaText(delta)}`,
    // With several catalogs, one line for each catalog after the primary.
    ...review.catalogDeltas.map(({ alias, delta: other }) => `Coverage of ${neutraliseControls(alias)} ${deltaText(other)}`),
  ];
  const cycle = cycleChangeLines(review.cycle);
  if (cycle.length > 0) {
    lines.push(`Certification cycle (${plural(cycle.length, 'change')}):`);
    for (const line of cycle)
      lines.push(`  ${neutraliseControls(line.text)}${line.file !== undefined ? `  (${neutraliseControls(formatLocation(line.file, line.range))})` : ''}`);
  }
  if (review.fixedFindings.length > 0) {
    lines.push(`Fixed by this change (${plural(review.fixedFindings.length, 'finding')} on ${neutraliseControls(base)}, gone now; lines as on the base):`);
    for (const finding of review.fixedFindings) {
      lines.push(
        `  ${neutraliseControls(formatLocation(finding.file, finding.range))}  ${finding.severity}  ${neutraliseControls(finding.ruleId)}  ${neutraliseControls(finding.message)}`,
      );
    }
  }
  if (review.suspects.length > 0) {
    const documents = [...new Set(review.suspects.map((suspect) => suspect.documentId ?? suspect.path))];
    lines.push(`Re-review: ${documents.map(neutraliseControls).join(', ')} (they rely on what changed).`);
  }
  return `${lines.join('\n')}\n`;
}

/** `84.2% → 86.0%: 1 newly covered (8.6.1), 0 newly at-risk, …` */
function deltaText(delta: CoverageDelta): string {
  return `${formatPercent(delta.before.percent)} → ${formatPercent(delta.after.percent)}: ${(['covered', 'at-risk', 'partial', 'uncovered'] as const)
    .map((status) => {
      const clauses = newly(delta, status);
      return `${clauses.length} newly ${status}${clauses.length > 0 ? ` (${clauses.map((clause) => clause.clause).join(', ')})` : ''}`;
    })
    .join(', ')}.`;
}
