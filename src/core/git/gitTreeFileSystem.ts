import { posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileStat, WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { BlobReader, type GitRunner } from './blobReader.js';
import { runGit } from './runGit.js';

interface TreeEntry {
  readonly mode: string;
  readonly objectId: string;
  readonly size: number;
}

const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';
const MAX_LINK_HOPS = 40;
/**
 * Files up to this size are read ahead in one batch when listed; larger ones only on demand, once the check has
 * compared their size with `maxFileSizeKB`, so a blob over the limit is never read.
 */
const PREFETCH_MAX_BYTES = 1024 * 1024;
/** A link's target is a path: longer than any path a system accepts (PATH_MAX), it is no link and is not read. */
const MAX_LINK_TARGET_BYTES = 4096;
/** No check reads a file this large (`maxFileSizeKB` stops at 1 GB); a bigger blob is refused, not read. */
const MAX_BLOB_BYTES = 1024 * 1024 * 1024;

/**
 * One commit of a git repository as a read-only file system: paths under the work tree's top folder map to the
 * commit's tree (`git ls-tree`), contents come from the object store (`git cat-file`). The working tree and the
 * index are never touched, so the base of a pull request can be checked beside the checkout with the same code.
 */
export class GitTreeFileSystem implements WorkspaceFileSystem {
  private readonly contents = new Map<string, Promise<Uint8Array | { readonly error: string }>>();

  private constructor(
    /** Absolute path of the work tree's top folder; the commit's paths are read relative to it. */
    readonly gitRoot: string,
    readonly commit: string,
    private readonly entries: ReadonlyMap<string, TreeEntry>,
    private readonly directories: Set<string>,
    /** Every blob (file, link target) is read through it: one git process at a time. */
    private readonly blobs: BlobReader,
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
  static async open(gitRoot: string, commit: string, run: GitRunner = runGit): Promise<GitTreeFileSystem | { readonly error: string }> {
    const listed = await run(gitRoot, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
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
    return new GitTreeFileSystem(gitRoot, commit, entries, directories, new BlobReader(gitRoot, run));
  }

  async readFile(absolutePath: string): Promise<Uint8Array> {
    const relativePath = this.treePath(absolutePath);
    const path = relativePath === undefined ? undefined : this.resolveLinks(relativePath);
    const entry = path === undefined ? undefined : this.entries.get(path);
    if (path === undefined || !entry || entry.mode === SUBMODULE_MODE)
      throw Object.assign(new Error(`${absolutePath} is not a file of ${this.commit}`), { code: 'ENOENT' });
    if (entry.size > MAX_BLOB_BYTES) throw Object.assign(new Error(`${absolutePath} is over ${MAX_BLOB_BYTES} bytes in ${this.commit}`), { code: 'EFBIG' });
    let content = this.contents.get(path);
    if (!content) {
      content = this.blobs.read(entry.objectId, entry.size);
      this.contents.set(path, content);
    }
    const blob = await content;
    if (!(blob instanceof Uint8Array)) throw Object.assign(new Error(`${absolutePath}: ${blob.error}`), { code: 'EIO' });
    return blob;
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
    this.prefetch(found.map((path) => `${prefix}${path}`));
    return found.sort();
  }

  /**
   * Starts reading the blobs of files about to be checked, so they share `git cat-file --batch` processes instead
   * of one process per file. Large files are left to `readFile`, which is only called when the size limit allows.
   */
  private prefetch(paths: readonly string[]): void {
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (entry && entry.mode !== SYMLINK_MODE && entry.mode !== SUBMODULE_MODE && entry.size <= PREFETCH_MAX_BYTES && !this.contents.has(path)) {
        this.contents.set(path, this.blobs.read(entry.objectId, entry.size));
      }
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

  /**
   * Reads every symbolic link's target, through the shared blob reader (one git process for thousands of links).
   * A link whose target is longer than a path can be is not read (a 400 MB one would be held twelve times over):
   * it leads nowhere. Call once after `open`.
   */
  async preloadLinks(): Promise<void> {
    await Promise.all(
      [...this.entries]
        .filter(([, entry]) => entry.mode === SYMLINK_MODE && entry.size <= MAX_LINK_TARGET_BYTES)
        .map(async ([path, entry]) => {
          const blob = await this.blobs.read(entry.objectId, entry.size);
          if (blob instanceof Uint8Array) this.linkTargets.set(path, Buffer.from(blob).toString('utf8'));
        }),
    );
  }
}

/** Opens the commit's tree with its symbolic links resolved, ready to check. */
export async function openGitTree(gitRoot: string, commit: string, run: GitRunner = runGit): Promise<GitTreeFileSystem | { readonly error: string }> {
  const opened = await GitTreeFileSystem.open(gitRoot, commit, run);
  if (opened instanceof GitTreeFileSystem) await opened.preloadLinks();
  return opened;
}
