import { certificationSummary, type CertificationSummary } from './cycle/certificationSummary.js';
import { assessReadiness, resolveTarget } from './cycle/readiness.js';
import type { WorkspaceIndex } from './index/workspaceIndex.js';

/**
 * The Certification view's model for one checked folder: the index's cycle today and readiness for the next
 * planned audit. The language server calls it to answer the Certification view's request.
 * `root` is the folder's absolute path, which the summary's paths are relative to.
 */
export function certificationOfIndex(index: WorkspaceIndex, root: string): CertificationSummary {
  const today = index.today;
  const audit = resolveTarget(index.config, today, 'next');
  const readiness =
    typeof audit === 'string'
      ? audit
      : assessReadiness({ documents: index.documents(), catalog: index.catalog, config: index.config, coverage: index.coverage(), today }, audit);
  return certificationSummary(root, index.cycle(), readiness);
}
