import { join } from 'node:path';
import { checkChange } from '../core/change/checkChange.js';
import type { ChangeReview } from '../core/change/reviewChange.js';
import { FileDocumentCache } from '../core/index/fileDocumentCache.js';
import type { CliIo } from './cliIo.js';
import { createProgress } from './progress.js';
import { CACHE_FOLDER, clockFor, reportProblems, saveCache, type RunCheckOptions } from './runCheck.js';
import { TOOL_VERSION } from './toolVersion.js';

/** Checks the head and the base the way `runCheck` checks one tree: shared cache, progress, setup errors as exit 2. */
export async function runChangeCheck(io: CliIo, options: RunCheckOptions & { readonly base: string; readonly head?: string }): Promise<ChangeReview | number> {
  const now = clockFor(options.today);
  let cache: FileDocumentCache | undefined;
  const progress = createProgress(io, 'Checking');
  const outcome = await checkChange({
    cwd: io.cwd,
    paths: options.paths,
    base: options.base,
    ...(options.head !== undefined ? { head: options.head } : {}),
    ...(options.config !== undefined ? { configPath: options.config } : {}),
    ...(now ? { now } : {}),
    onProgress: (done, total) => progress.update(done, total),
    ...(options.useCache ? { cacheFor: async (root: string) => (cache = await FileDocumentCache.open(join(root, CACHE_FOLDER), TOOL_VERSION)) } : {}),
  });
  progress.finish();
  if (!outcome.ok) return reportProblems(io, outcome.problems);
  await saveCache(io, cache);
  return outcome.review;
}
