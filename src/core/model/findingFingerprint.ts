import { createHash } from 'node:crypto';
import { compareFindings, type Finding } from './finding.js';

/** The `partialFingerprints` key in SARIF; bump the version if the fingerprint recipe ever changes. */
export const FINGERPRINT_KEY = 'clausemark/v1';

/**
 * Message text without the parts that change from day to day or with configuration, so a finding keeps its
 * fingerprint: `(in 24 days)` → `(in # days)`, `400-day` → `#-day`.
 */
export function stableMessage(message: string): string {
  return (
    message
      // Suggestions depend on what else is in the repository; the finding is the same without them.
      .replace(/[;(]\s*did you mean [^)]*?\)?(?=[.!]?$)/i, '')
      .replace(/\b\d+(\s*|-)(days?|weeks?|months?|years?)\b/gi, '#$1$2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The line-independent identity of a finding (before disambiguating identical ones). */
export function fingerprintKey(finding: Finding): string {
  const data = finding.data ?? {};
  return JSON.stringify([
    finding.ruleId,
    finding.file,
    stableMessage(finding.message),
    data.clause ?? null,
    data.field ?? null,
    data.documentId ?? null,
    data.evidencePath ?? null,
  ]);
}

/** The fingerprint of a finding, told apart from identical ones before it by `occurrence`. */
export function fingerprintOf(finding: Finding, occurrence: number): string {
  return createHash('sha256')
    .update(`${fingerprintKey(finding)}#${occurrence}`)
    .digest('hex');
}

/** Fingerprints for every finding; identical keys in one file are told apart by their order of appearance. */
export function fingerprintFindings(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const result = new Map<Finding, string>();
  for (const finding of [...findings].sort(compareFindings)) {
    const key = fingerprintKey(finding);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    result.set(finding, fingerprintOf(finding, occurrence));
  }
  return result;
}
