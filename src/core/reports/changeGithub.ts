import type { ChangeReview } from '../change/reviewChange.js';
import { touchesLines } from '../git/gitChanges.js';
import { renderGithub, type GithubReportOptions } from './githubReport.js';
import type { ReportInput } from './reportInput.js';

/**
 * Workflow annotations for the findings a change introduced on lines it added or changed: what a reviewer
 * sees inline in the pull request's diff. The rest go to the job summary.
 */
export function renderChangeGithub(review: ChangeReview, input: ReportInput, options: GithubReportOptions = {}): string {
  const onChangedLines = review.newFindings.filter((finding) => {
    const ranges = review.changedLines.get(finding.file);
    if (!ranges) return false;
    if (!finding.range) return true;
    return touchesLines(ranges, finding.range.start.line, Math.max(finding.range.start.line, finding.range.end.line));
  });
  return renderGithub({ ...input, findings: onChangedLines }, options);
}
