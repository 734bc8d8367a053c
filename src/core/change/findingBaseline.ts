import { compareFindings, type Finding } from '../model/finding.js';
import { fingerprintFindings } from '../model/findingFingerprint.js';

/** SARIF's word for whether a finding was already there on the base (`unchanged`) or came with the change (`new`). */
export type BaselineState = 'new' | 'unchanged';

/**
 * Marks each head finding new or unchanged. Identity is the SARIF fingerprint (rule, file, message without
 * day counts, the facts in `data`, and the order among identical ones), so a finding that only moved lines
 * is not new, and code scanning and this comparison agree on what "the same finding" means.
 */
export function baselineStates(base: readonly Finding[], head: readonly Finding[]): Map<Finding, BaselineState> {
  const known = new Set(fingerprintFindings(base).values());
  const states = new Map<Finding, BaselineState>();
  for (const [finding, fingerprint] of fingerprintFindings(head)) states.set(finding, known.has(fingerprint) ? 'unchanged' : 'new');
  return states;
}

/**
 * The base findings the change made go away: no head finding has their identity (the same fingerprint as
 * above). Their locations are those on the base.
 */
export function fixedFindings(base: readonly Finding[], head: readonly Finding[]): Finding[] {
  const remaining = new Set(fingerprintFindings(head).values());
  return [...fingerprintFindings(base)].flatMap(([finding, fingerprint]) => (remaining.has(fingerprint) ? [] : [finding])).sort(compareFindings);
}
