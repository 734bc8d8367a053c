import type { Finding, FindingData, RelatedLocation } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { SourceRange } from '../text/sourceRange.js';
import { findRule, type RuleId } from './ruleDefinitions.js';

type Extras = { related?: readonly RelatedLocation[]; data?: FindingData };

/** Builds a finding at the rule's default severity; the configured severity is applied when findings are collected. */
export function createFinding(ruleId: RuleId, file: string, range: SourceRange | undefined, message: string, extras: Extras = {}): Finding {
  return findingOf({ id: ruleId, defaultSeverity: findRule(ruleId)?.defaultSeverity ?? 'error' }, file, range, message, extras);
}

/** Builds a finding of a rule object (the registry's, or one a test or tool runs besides them). */
export function findingOf(
  rule: { readonly id: string; readonly defaultSeverity: Severity },
  file: string,
  range: SourceRange | undefined,
  message: string,
  extras: Extras = {},
): Finding {
  return {
    // A rule run besides the registry's (a test's) has an id outside the union; everything else is one of it.
    ruleId: rule.id as RuleId,
    severity: rule.defaultSeverity,
    message,
    file,
    ...(range ? { range } : {}),
    ...(extras.related && extras.related.length > 0 ? { related: extras.related } : {}),
    ...(extras.data ? { data: extras.data } : {}),
  };
}
