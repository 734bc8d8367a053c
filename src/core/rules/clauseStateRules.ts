import type { ClauseStatus } from '../coverage/coverageReport.js';
import type { Finding } from '../model/finding.js';
import type { RuleId } from './ruleDefinitions.js';

/** The rules that report a clause's state, and the state each one reports (see the rules in `coverage/`). */
export const CLAUSE_STATE_RULES = {
  'coverage.uncovered-clause': 'uncovered',
  'coverage.partial-clause': 'partial',
  'coverage.missing-document-type': 'partial',
  'coverage.missing-records': 'partial',
  'coverage.at-risk-clause': 'at-risk',
} as const satisfies Partial<Record<RuleId, ClauseStatus>>;

/** The clause and state a finding reports, when it is one of the clause-state findings. */
export function clauseStateOf(finding: Finding): { readonly clause: string; readonly status: ClauseStatus } | undefined {
  const status = (CLAUSE_STATE_RULES as Partial<Record<string, ClauseStatus>>)[finding.ruleId];
  const clause = finding.data?.clause;
  return status !== undefined && clause !== undefined ? { clause, status } : undefined;
}
