import { join } from 'node:path';
import type { TargetState } from '../rules/repositoryView.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import type { RootGuard } from './rootGuard.js';

/** What is on disk at the paths documents link as evidence: whether it exists, is a file, or leaves the repository. */
export class EvidenceTargets {
  private readonly targets = new Map<string, TargetState>();

  constructor(
    private readonly fs: WorkspaceFileSystem,
    private readonly root: string,
    private readonly rootGuard: RootGuard,
  ) {}

  /** What was last seen at a path that is not an indexed file; undefined until it has been looked at. */
  stateOf(path: string): TargetState | undefined {
    return this.targets.get(path);
  }

  /** Looks at the paths on disk again; an indexed file needs no look (it exists and is a file). */
  async refresh(paths: readonly string[], isIndexed: (path: string) => boolean): Promise<void> {
    await Promise.all(
      paths.map(async (path) => {
        if (isIndexed(path)) {
          this.targets.delete(path);
          return;
        }
        const absolute = join(this.root, path);
        const stat = await this.fs.stat(absolute);
        if (!stat) {
          this.targets.set(path, { exists: false, isFile: false, leavesRepository: false });
          return;
        }
        this.targets.set(path, { exists: true, isFile: stat.kind === 'file', leavesRepository: !(await this.rootGuard.isInside(absolute)) });
      }),
    );
  }
}
