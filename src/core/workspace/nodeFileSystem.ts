import { promises as fs } from 'node:fs';
import { glob } from 'tinyglobby';
import type { FileStat, WorkspaceFileSystem } from './fileSystem.js';

/** The real disk, through node:fs. */
export const nodeFileSystem: WorkspaceFileSystem = {
  async readFile(absolutePath) {
    return fs.readFile(absolutePath);
  },
  async stat(absolutePath): Promise<FileStat | undefined> {
    try {
      const stats = await fs.stat(absolutePath);
      return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size };
    } catch {
      return undefined;
    }
  },
  async realpath(absolutePath) {
    try {
      return await fs.realpath(absolutePath);
    } catch {
      return undefined;
    }
  },
  async findFiles(root, include, exclude) {
    // Symlinked folders are not followed: a link loop or a link out of the repository must not widen the scan.
    const files = await glob([...include], { cwd: root, ignore: [...exclude], onlyFiles: true, followSymbolicLinks: false, dot: false, expandDirectories: false });
    return files.sort();
  },
};
