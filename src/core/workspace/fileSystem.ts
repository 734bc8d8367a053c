/** What Clausemark needs of a file system. The CLI passes the real disk; the editor passes one that prefers open buffers. */
export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  readonly size: number;
}

export interface WorkspaceFileSystem {
  readFile(absolutePath: string): Promise<Uint8Array>;
  /** Undefined when nothing is there (or it cannot be seen). */
  stat(absolutePath: string): Promise<FileStat | undefined>;
  /** The path with every symlink resolved; undefined when it does not resolve. */
  realpath(absolutePath: string): Promise<string | undefined>;
  /** Files below `root` matching `include` and none of `exclude`, as root-relative paths with `/`. */
  findFiles(root: string, include: readonly string[], exclude: readonly string[]): Promise<string[]>;
}
