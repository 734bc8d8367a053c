import { sep } from 'node:path';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';

/** Tells whether an existing path, with every symlink followed, is the repository root or lies below it. */
export class RootGuard {
  private rootRealPath: string | undefined;

  constructor(
    private readonly fs: WorkspaceFileSystem,
    private readonly root: string,
  ) {}

  async isInside(absolute: string): Promise<boolean> {
    this.rootRealPath ??= (await this.fs.realpath(this.root)) ?? this.root;
    const rootPrefix = this.rootRealPath.endsWith(sep) ? this.rootRealPath : this.rootRealPath + sep;
    const real = await this.fs.realpath(absolute);
    return real !== undefined && (real === this.rootRealPath || real.startsWith(rootPrefix));
  }
}
