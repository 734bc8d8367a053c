/** How serious a finding is. `off` is only a setting: a rule that is off reports nothing. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when `severity` is at or above `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
