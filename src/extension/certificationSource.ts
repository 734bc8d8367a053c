import { certificationOfIndex } from '../core/certificationOfIndex.js';
import type { CertificationSummary } from '../core/cycle/certificationSummary.js';
import type { SessionRegistry } from './sessionRegistry.js';

/**
 * Where the Certification view gets its summary: the one place the extension reads the index for it, so a
 * language-server client can answer it with a request instead. The first folder with a `certification` block
 * wins (else the first folder read).
 */
export function certificationSource(registry: SessionRegistry): () => CertificationSummary | undefined {
  return () => {
    const states = registry.all().flatMap((session) => (session.current ? [session.current] : []));
    const state = states.find((candidate) => candidate.project.config.certification !== undefined) ?? states[0];
    return state ? certificationOfIndex(state.index, state.project.root) : undefined;
  };
}
