import type { Finding, FindingData, RelatedLocation } from '../model/finding.js';
import type { SourceRange } from '../text/sourceRange.js';
import { findRule, type RuleId } from './ruleDefinitions.js';

/** Builds a finding at the rule's default severity; the configured severity is applied when findings are collected. */
export function createFinding(
  ruleId: RuleId,
  file: string,
  range: SourceRange | undefined,
  message: string,
  extras: { related?: readonly RelatedLocation[]; data?: FindingData } = {},
): Finding {
  const rule = findRule(ruleId);
  return {
    ruleId,
    severity: rule?.defaultSeverity ?? 'error',
    message,
    file,
    ...(range ? { range } : {}),
    ...(extras.related && extras.related.length > 0 ? { related: extras.related } : {}),
    ...(extras.data ? { data: extras.data } : {}),
  };
}
