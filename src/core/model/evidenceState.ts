/** What Clausemark knows of one piece of evidence. Only `current` and `undated` evidence counts towards coverage. */
export type EvidenceState = 'current' | 'undated' | 'stale' | 'missing' | 'outside' | 'invalid';

export function countsAsEvidence(state: EvidenceState): boolean {
  return state === 'current' || state === 'undated';
}
