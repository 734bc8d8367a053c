import { posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileStat, WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { runGit } from './runGit.js';

interface TreeEntry {
  readonly mode: string;
  readonly objectId: string;
  readonly size: number;
}

const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';
const MAX_LINK_HOPS = 40;
const PREFETCH_MAX_BYTES = 8 * 1024 * 1024;

/** Splits `git cat-file --batch` output (`<object> <type> <size>\n<content>\n` per object) into contents by object id. */
export function parseBatch(output: Buffer): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  let offset = 0;
  while (offset < output.length) {
    const lineEnd = output.indexOf(10, offset);
    if (lineEnd < 0) break;
    const [objectId = '', type = '', size = ''] = output.subarray(offset, lineEnd).toString('utf8').split(' ');
    offset = lineEnd + 1;
    if (type === 'missing' || size === '') continue;
    const length = Number.parseInt(size, 10);
    blobs.set(objectId, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return blobs;
}

/**
 * One commit of a git repository as a read-only file system: paths under the work tree's top folder map to the
 * commit's tree (`git ls-tree`), contents come from the object store (`git cat-file`). The working tree and the
 * index are never touched, so the base of a pull request can be checked beside the checkout with the same code.
 */
export class GitTreeFileSystem implements WorkspaceFileSystem {
  private readonly contents = new Map<string, Promise<Uint8Array>>();

  private constructor(
    /** Absolute path of the work tree's top folder; the commit's paths are read relative to it. */
    readonly gitRoot: string,
    readonly commit: string,
    private readonly entries: ReadonlyMap<string, TreeEntry>,
    private readonly directories: Set<string>,
  ) {}

  /**
   * Makes folders the commit does not have appear as empty ones (a change that adds the SMS folder is compared
   * with a base where it is simply empty). Paths that are files in the commit are left alone.
   */
  assumeFolders(absolutePaths: readonly string[]): void {
    for (const absolutePath of absolutePaths) {
      const path = this.treePath(absolutePath);
      if (path === undefined || this.entries.has(path)) continue;
      for (let folder = path; folder !== '.' && folder !== '' && !this.directories.has(folder); folder = posix.dirname(folder)) this.directories.add(folder);
    }
  }

  /** Lists the commit's tree once; throws nothing, returns a message when git cannot list it. */
  static async open(gitRoot: string, commit: string): Promise<GitTreeFileSystem | { readonly error: string }> {
    const listed = await runGit(gitRoot, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
    if (!listed.ok) return { error: `git cannot list the files of ${commit}: ${listed.message}` };
    const entries = new Map<string, TreeEntry>();
    const directories = new Set<string>(['']);
    for (const record of listed.stdout.toString('utf8').split('\0')) {
      // `<mode> <type> <object> <size>\t<path>`; the size is `-` for submodules.
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', , objectId = '', size = '0'] = record.slice(0, tab).trim().split(/\s+/);
      const path = record.slice(tab + 1);
      entries.set(path, { mode, objectId, size: Number.parseInt(size, 10) || 0 });
      for (let parent = posix.dirname(path); parent !== '.' && !directories.has(parent); parent = posix.dirname(parent)) directories.add(parent);
    }
    return new GitTreeFileSystem(gitRoot, commit, entries, directories);
  }

  async readFile(absolutePath: string): Promise<Uint8Array> {
    const relativePath = this.treePath(absolutePath);
    const path = relativePath === undefined ? undefined : this.resolveLinks(relativePath);
    const entry = path === undefined ? undefined : this.entries.get(path);
    if (path === undefined || !entry || entry.mode === SUBMODULE_MODE) throw Object.assign(new Error(`${absolutePath} is not a file of ${this.commit}`), { code: 'ENOENT' });
    let content = this.contents.get(path);
    if (!content) {
      content = this.readBlob(entry.objectId, absolutePath);
      this.contents.set(path, content);
    }
    return content;
  }

  async stat(absolutePath: string): Promise<FileStat | undefined> {
    const relativePath = this.treePath(absolutePath);
    if (relativePath === undefined) return undefined;
    // The check stops climbing for a config at the repository's `.git`; the commit has one by definition.
    if (relativePath === '.git') return { kind: 'directory', size: 0 };
    // A link out of the commit leads to this machine's disk, not to the revision: it is there, and `realpath`
    // says where, so the check reports it as leaving the repository whatever this machine has at that place.
    if (this.linkLeavingTree(relativePath) !== undefined) return { kind: 'other', size: 0 };
    const path = this.resolveLinks(relativePath);
    if (path === undefined) return undefined;
    if (this.directories.has(path)) return { kind: 'directory', size: 0 };
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    return entry.mode === SUBMODULE_MODE ? { kind: 'other', size: 0 } : { kind: 'file', size: entry.size };
  }

  async realpath(absolutePath: string): Promise<string | undefined> {
    const relativePath = this.treePath(absolutePath);
    if (relativePath === undefined) return undefined;
    const escaped = this.linkLeavingTree(relativePath);
    if (escaped !== undefined) return escaped;
    const path = this.resolveLinks(relativePath);
    return path === undefined ? undefined : path === '' ? this.gitRoot : resolve(this.gitRoot, path);
  }

  async findFiles(root: string, include: readonly string[], exclude: readonly string[]): Promise<string[]> {
    const base = this.treePath(root);
    if (base === undefined) return [];
    const included = picomatch([...include], { dot: false });
    const excluded = picomatch([...exclude], { dot: true });
    const prefix = base === '' ? '' : `${base}/`;
    const found: string[] = [];
    for (const [path, entry] of this.entries) {
      // Like the disk scan, symlinks are not followed and submodules are not entered.
      if (!path.startsWith(prefix) || entry.mode === SUBMODULE_MODE || entry.mode === SYMLINK_MODE) continue;
      const inside = path.slice(prefix.length);
      if (included(inside) && !excluded(inside)) found.push(inside);
    }
    await this.prefetch(found.map((path) => `${prefix}${path}`));
    return found.sort();
  }

  /**
   * Reads the blobs of files about to be checked with one `git cat-file --batch` instead of one git process per
   * file. Large files are left to `readFile`, which is only called when the size limit allows.
   */
  private async prefetch(paths: readonly string[]): Promise<void> {
    const wanted = paths.flatMap((path) => {
      const entry = this.entries.get(path);
      return entry && entry.mode !== SYMLINK_MODE && entry.mode !== SUBMODULE_MODE && entry.size <= PREFETCH_MAX_BYTES && !this.contents.has(path) ? [[path, entry.objectId] as const] : [];
    });
    if (wanted.length === 0) return;
    const batch = await runGit(this.gitRoot, ['cat-file', '--batch'], `${wanted.map(([, objectId]) => objectId).join('\n')}\n`);
    if (!batch.ok) return; // readFile will read them one by one, and report what fails
    const blobs = parseBatch(batch.stdout);
    for (const [path, objectId] of wanted) {
      const blob = blobs.get(objectId);
      if (blob) this.contents.set(path, Promise.resolve(blob));
    }
  }

  /** The commit's path for an absolute path under the top folder (`''` for the top folder), else undefined. */
  private treePath(absolutePath: string): string | undefined {
    const inside = relative(this.gitRoot, resolve(absolutePath));
    if (inside === '') return '';
    if (inside.startsWith('..') || resolve(inside) === inside) return undefined;
    return sep === '/' ? inside : inside.split(sep).join('/');
  }

  /** Follows symbolic links stored in the commit; undefined when a link leads nowhere in it, out of it, or loops. */
  private resolveLinks(path: string): string | undefined {
    const walked = this.walkLinks(path);
    return walked?.kind === 'inside' ? walked.path : undefined;
  }

  /** An absolute path outside the top folder when a link in `path` leads out of the commit's tree. */
  private linkLeavingTree(path: string): string | undefined {
    const walked = this.walkLinks(path);
    return walked?.kind === 'outside' ? walked.path : undefined;
  }

  /** Where `path` leads once every link in it is followed: a tree path, an absolute path outside, or nowhere. */
  private walkLinks(path: string): { kind: 'inside' | 'outside'; path: string } | undefined {
    let current = path;
    for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
      const link = this.firstLink(current);
      if (!link) return { kind: 'inside', path: current };
      const target = this.linkTarget(link.at);
      if (target === undefined) return undefined;
      if (posix.isAbsolute(target)) return { kind: 'outside', path: posix.join(target, link.rest) };
      const joined = posix.normalize(posix.join(posix.dirname(link.at), target, link.rest));
      if (joined === '..' || joined.startsWith('../')) return { kind: 'outside', path: resolve(this.gitRoot, joined) };
      current = joined === '.' ? '' : joined;
    }
    return undefined;
  }

  /** The first path prefix of `path` that is a symbolic link, and what follows it. */
  private firstLink(path: string): { at: string; rest: string } | undefined {
    if (path === '') return undefined;
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const at = parts.slice(0, i).join('/');
      if (this.entries.get(at)?.mode === SYMLINK_MODE) return { at, rest: parts.slice(i).join('/') };
    }
    return undefined;
  }

  private readonly linkTargets = new Map<string, string>();

  /** Link targets are read eagerly by `preloadLinks`, so resolving paths stays synchronous. */
  private linkTarget(path: string): string | undefined {
    return this.linkTargets.get(path);
  }

  /** Reads every symbolic link's target (there are few); call once after `open`. */
  async preloadLinks(): Promise<void> {
    await Promise.all(
      [...this.entries].filter(([, entry]) => entry.mode === SYMLINK_MODE).map(async ([path, entry]) => {
        const blob = await runGit(this.gitRoot, ['cat-file', 'blob', entry.objectId]);
        if (blob.ok) this.linkTargets.set(path, blob.stdout.toString('utf8'));
      }),
    );
  }

  private async readBlob(objectId: string, absolutePath: string): Promise<Uint8Array> {
    const blob = await runGit(this.gitRoot, ['cat-file', 'blob', objectId]);
    if (!blob.ok) throw Object.assign(new Error(`${absolutePath}: ${blob.message}`), { code: 'EIO' });
    return blob.stdout;
  }
}

/** Opens the commit's tree with its symbolic links resolved, ready to check. */
export async function openGitTree(gitRoot: string, commit: string): Promise<GitTreeFileSystem | { readonly error: string }> {
  const opened = await GitTreeFileSystem.open(gitRoot, commit);
  if (opened instanceof GitTreeFileSystem) await opened.preloadLinks();
  return opened;
}
