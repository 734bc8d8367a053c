import { watch, type FSWatcher } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FolderWatcher {
  close(): void;
}

const IGNORED = /(^|[\\/])(\.git|node_modules|\.clausemark-cache)([\\/]|$)/;

/**
 * Watches a folder on disk for clients that cannot watch files for the server (no dynamic registration of
 * workspace/didChangeWatchedFiles). fs.watch names a file but not what happened to it: whether it still exists
 * tells created-or-changed from deleted. A folder that cannot be watched is checked without it.
 */
export function folderWatcher(folder: string, onChange: (uri: string, kind: 'created' | 'changed' | 'deleted') => void): FolderWatcher {
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(folder, { recursive: true }, (_event, name) => {
      if (!name || IGNORED.test(name)) return;
      const absolute = join(folder, name.toString());
      onChange(pathToFileURL(absolute).href, existsSync(absolute) ? 'changed' : 'deleted');
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return { close: () => watcher?.close() };
}
