import type { Finding } from '../model/finding.js';
import type { SeveritySetting } from '../model/severity.js';
import { findRule } from '../rules/ruleDefinitions.js';

/** The severity each rule reports at, after the configuration's overrides. */
export class SeverityPolicy {
  constructor(private readonly overrides: Readonly<Record<string, SeveritySetting>>) {}

  severityOf(ruleId: string): SeveritySetting {
    return this.overrides[ruleId] ?? findRule(ruleId)?.defaultSeverity ?? 'error';
  }

  isEnabled(ruleId: string): boolean {
    return this.severityOf(ruleId) !== 'off';
  }

  /** The finding at its configured severity, or undefined when its rule is off. */
  apply(finding: Finding): Finding | undefined {
    const setting = this.severityOf(finding.ruleId);
    if (setting === 'off') return undefined;
    return setting === finding.severity ? finding : { ...finding, severity: setting };
  }
}
