import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { FileStat, WorkspaceFileSystem } from '../../src/core/workspace/fileSystem.js';

/** A file system held in memory: absolute POSIX paths to contents. Folders exist where files do. */
export class MemoryFileSystem implements WorkspaceFileSystem {
  readonly files = new Map<string, Uint8Array>();
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.reads++;
    const content = this.files.get(path);
    if (!content) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return content;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const content = this.files.get(path);
    if (content) return { kind: 'file', size: content.byteLength };
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return { kind: 'directory', size: 0 };
    return undefined;
  }

  async realpath(path: string): Promise<string | undefined> {
    return (await this.stat(path)) ? posix.normalize(path) : undefined;
  }

  async findFiles(root: string, include: readonly string[], exclude: readonly string[]): Promise<string[]> {
    const included = picomatch([...include]);
    const excluded = picomatch([...exclude], { dot: true });
    const prefix = root.endsWith('/') ? root : `${root}/`;
    return [...this.files.keys()]
      .filter((file) => file.startsWith(prefix))
      .map((file) => file.slice(prefix.length))
      .filter((file) => included(file) && !excluded(file))
      .sort();
  }
}
