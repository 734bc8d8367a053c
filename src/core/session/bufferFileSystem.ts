import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';

const encoder = new TextEncoder();

/**
 * The disk as an editor sees it: an open buffer wins over the file on disk (so an unsaved edit is what gets
 * checked), everything else comes from the underlying file system. `bufferText` answers by absolute path.
 */
export function bufferFileSystem(disk: WorkspaceFileSystem, bufferText: (absolutePath: string) => string | undefined): WorkspaceFileSystem {
  return {
    async readFile(absolutePath) {
      const text = bufferText(absolutePath);
      return text === undefined ? disk.readFile(absolutePath) : encoder.encode(text);
    },
    stat: (absolutePath) => disk.stat(absolutePath),
    realpath: (absolutePath) => disk.realpath(absolutePath),
    findFiles: (root, include, exclude) => disk.findFiles(root, include, exclude),
  };
}
