import { checkChange, type ChangeReview } from '../core/index.js';
import type { CliIo } from './cliIo.js';
import { checkSession, type RunCheckOptions } from './runCheck.js';

/** Checks the head and the base the way `runCheck` checks one tree: shared cache, progress, setup errors as exit 2. */
export async function runChangeCheck(io: CliIo, options: RunCheckOptions & { readonly base: string; readonly head?: string }): Promise<ChangeReview | number> {
  const session = checkSession(io, options);
  const outcome = await checkChange({ ...session.options, base: options.base, ...(options.head !== undefined ? { head: options.head } : {}) });
  return session.finish(outcome.ok ? { ok: true, result: outcome.review } : outcome);
}
