import type { ChangeReview } from '../change/reviewChange.js';
import { touchesLines, type LineRanges } from '../git/gitChanges.js';
import type { Finding } from '../model/finding.js';
import { cycleChangeLines } from './changeCycle.js';
import { escapeCommandData, escapeCommandProperty, renderGithub, type GithubReportOptions } from './githubReport.js';
import type { ReportInput } from './reportInput.js';
import { normalisePrefix, withPrefix } from './shared.js';

/**
 * Rules about the change as a whole that point at a line the change left alone by definition (the `version`
 * that was not raised, the `approved_on` that was not renewed): GitHub only shows annotations on lines of the
 * diff, so these are annotated on the document's first changed line instead, with the field as related place.
 */
const ABOUT_UNCHANGED_LINES = new Set(['change.version-not-bumped', 'change.approval-not-renewed']);

/**
 * Workflow annotations for the findings a change introduced on lines it added or changed: what a reviewer
 * sees inline in the pull request's diff. The rest go to the job summary.
 */
export function renderChangeGithub(review: ChangeReview, input: ReportInput, options: GithubReportOptions = {}): string {
  const annotated = review.newFindings.flatMap((finding): Finding[] => {
    const ranges = review.changedLines.get(finding.file);
    if (ABOUT_UNCHANGED_LINES.has(finding.ruleId) && review.changedPaths.has(finding.file)) return [atFirstChangedLine(finding, ranges)];
    if (!ranges) return [];
    if (!finding.range) return [finding];
    return touchesLines(ranges, finding.range.start.line, Math.max(finding.range.start.line, finding.range.end.line)) ? [finding] : [];
  });
  return `${renderGithub({ ...input, findings: annotated }, options)}${cycleNotices(review, options)}`;
}

/** A notice per change to the certification cycle, on the audit report where it happened. */
function cycleNotices(review: ChangeReview, options: GithubReportOptions): string {
  const prefix = normalisePrefix(options.pathPrefix);
  const lines = cycleChangeLines(review.cycle).map((change) => {
    const properties: [string, string][] = [];
    if (change.file !== undefined) properties.push(['file', withPrefix(prefix, change.file)]);
    if (change.file !== undefined && change.range) properties.push(['line', String(change.range.start.line)], ['endLine', String(change.range.start.line)]);
    properties.push(['title', `Clausemark: ${change.title}`]);
    return `::notice ${properties.map(([key, value]) => `${key}=${escapeCommandProperty(value)}`).join(',')}::${escapeCommandData(change.text)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The finding moved to the first line the change added or edited in its file, or to the file as a whole when it only removed lines. */
function atFirstChangedLine(finding: Finding, ranges: LineRanges | undefined): Finding {
  const line = ranges?.reduce((first, [from]) => Math.min(first, from), Number.POSITIVE_INFINITY);
  const place = finding.range ? [{ file: finding.file, range: finding.range, message: 'the field this is about, which the change left as it was' }] : [];
  const { range: _unchangedLine, ...rest } = finding;
  const moved: Finding = { ...rest, related: [...place, ...(finding.related ?? [])] };
  if (line === undefined || !Number.isFinite(line)) return moved;
  const start = { line, column: 1, offset: finding.range?.start.offset ?? 0 };
  return { ...moved, range: { start, end: start } };
}
