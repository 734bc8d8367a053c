// Only Node built-ins here: the result cache uses this before the checker is loaded.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Every file Clausemark writes (caches, `--output`, the audit pack, `init`) and every cache it reads goes through
 * here. The repository is untrusted: a pull request can commit a symbolic link where Clausemark will write or
 * read, so no folder from the repository's root down to the file may be a link, the file itself may not be one,
 * and a write goes to a temporary file in the same folder that is then renamed (rename replaces a link itself,
 * never its target). A cache read opens the file without following a link, insists on a regular file and stops
 * at a size limit, so `/dev/zero` or `/dev/stdin` committed as a link can neither exhaust memory nor block.
 */

/** A refused path; `code` is `ESYMLINK` (a link on the way), `ENOTREG` (not a regular file) or `EFBIG` (too large). */
export class UnsafePathError extends Error {
  constructor(
    message: string,
    readonly code: 'ESYMLINK' | 'ENOTREG' | 'EFBIG',
  ) {
    super(message);
  }
}

export interface SafeWriteOptions {
  /** The repository's root: no folder between it and the file may be a symbolic link (folders above it are the user's). */
  readonly root: string;
  /** Replace an existing regular file; without it an existing file fails with `EEXIST` and is left as it is. */
  readonly replace: boolean;
}

/** Writes `content` to `target`, creating its folders, without following any link inside the repository. */
export function writeFileSafely(target: string, content: string | Uint8Array, options: SafeWriteOptions): void {
  const file = resolve(target);
  const folder = dirname(file);
  makeFolders(folder, options.root);
  const existing = lstatOrUndefined(file);
  if (existing?.isSymbolicLink()) throw linkError(file);
  if (existing && !existing.isFile()) throw new UnsafePathError(`${file} is not a regular file`, 'ENOTREG');
  if (existing && !options.replace) throw Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
  // `wx` (O_CREAT | O_EXCL) never follows a link, so the temporary file is our own new file.
  const temporary = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    if (options.replace) renameSync(temporary, file);
    else placeIfAbsent(temporary, file);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed away, as intended
    }
  }
}

/**
 * Reads a file the repository could have planted (a cache): never through a link, only a regular file, at most
 * `maxBytes`. Undefined when it is missing; throws `UnsafePathError` when it is refused.
 */
export function readRegularFile(path: string, maxBytes: number, root: string): Buffer | undefined {
  const file = resolve(path);
  checkFolders(dirname(file), root);
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer before fstat could refuse it.
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'EMLINK') throw linkError(file);
    throw error;
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new UnsafePathError(`${file} is not a regular file`, 'ENOTREG');
    if (stats.size > maxBytes) throw new UnsafePathError(`${file} is larger than ${maxBytes} bytes`, 'EFBIG');
    // Read one byte past the size seen, to notice a file growing under us rather than read it without end.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (length > stats.size) throw new UnsafePathError(`${file} grew while it was read`, 'EFBIG');
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

/** Without replacing: a hard link fails if the name exists (even as a dangling link); copying with COPYFILE_EXCL is the fallback for file systems without hard links. */
function placeIfAbsent(temporary: string, file: string): void {
  try {
    linkSync(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    copyFileSync(temporary, file, constants.COPYFILE_EXCL);
  }
}

/** The folders from `root` down to `folder`, as absolute paths; empty when `folder` is not inside `root`. */
function foldersBelow(root: string, folder: string): string[] {
  const base = resolve(root);
  const inside = relative(base, folder);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return [];
  const folders: string[] = [];
  let current = base;
  for (const name of inside.split(sep)) folders.push((current = join(current, name)));
  return folders;
}

function makeFolders(folder: string, root: string): void {
  const base = resolve(root);
  const below = foldersBelow(base, folder);
  // Outside the repository the user named the place on the command line (and so did they the root itself):
  // the links there are theirs to follow.
  mkdirSync(below.length === 0 && folder !== base ? folder : base, { recursive: true });
  for (const path of below) {
    let stats = lstatOrUndefined(path);
    if (!stats) {
      try {
        mkdirSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      stats = lstatSync(path);
    }
    if (stats.isSymbolicLink()) throw linkError(path);
    if (!stats.isDirectory()) throw Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR' });
  }
}

function checkFolders(folder: string, root: string): void {
  for (const path of foldersBelow(root, folder)) if (lstatOrUndefined(path)?.isSymbolicLink()) throw linkError(path);
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function linkError(path: string): UnsafePathError {
  return new UnsafePathError(`${path} is a symbolic link; Clausemark never writes or reads its files through a link in the repository`, 'ESYMLINK');
}
