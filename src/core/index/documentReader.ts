import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { checkDiagrams } from '../diagrams/checkDiagrams.js';
import type { DiagramValidator } from '../diagrams/diagramValidator.js';
import { documentReadOptions } from '../config/documentFormat.js';
import type { UnreadableReason } from '../document/readProblem.js';
import { readSmsDocument, type ReadResult } from '../document/readSmsDocument.js';
import { LineIndex } from '../text/lineIndex.js';
import { decodeText } from '../workspace/decodeText.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import type { DocumentCache } from './documentCache.js';
import type { RootGuard } from './rootGuard.js';

/** A file as read: its parse result, and the key that tells whether a later read is the same. */
export interface FileRead {
  readonly hash: string;
  readonly result: ReadResult;
}

export interface ReaderOptions {
  readonly root: string;
  readonly fs: WorkspaceFileSystem;
  readonly config: ClausemarkConfig;
  readonly rootGuard: RootGuard;
  readonly isInSmsFolder: (path: string) => boolean;
  /** Parse results by content hash, kept between runs. */
  readonly cache: DocumentCache | undefined;
  /** Checks diagram blocks when reading a document; absent when the diagram rule is off. */
  readonly validateDiagram: DiagramValidator | undefined;
}

/**
 * Reads Markdown files into parse results: from disk (refusing what must not be read, saying why) or from an
 * editor's text, through the parse cache. A file that cannot be read or parsed gets a finding, never a throw.
 */
export class DocumentReader {
  constructor(private readonly options: ReaderOptions) {}

  async readFromDisk(path: string): Promise<FileRead | undefined> {
    const absolute = join(this.options.root, path);
    const inSmsFolder = this.options.isInSmsFolder(path);
    let bytes: Uint8Array;
    try {
      const stat = await this.options.fs.stat(absolute);
      // A name that is not valid UTF-8 comes back from the folder listing with U+FFFD in place of its bad bytes,
      // and no file has that name: say so rather than skip a document the repository holds.
      if (!stat && path.includes('\uFFFD')) return this.unreadable(path, inSmsFolder, { kind: 'bad-name' }, 'name');
      if (!stat || stat.kind === 'directory') return undefined;
      // Never read a pipe (it would block) or a device; say so rather than skip a file that should be a document.
      if (stat.kind !== 'file') return this.unreadable(path, inSmsFolder, { kind: 'not-regular' }, 'other');
      if (!(await this.options.rootGuard.isInside(absolute))) {
        return this.unreadable(path, inSmsFolder, { kind: 'outside' }, 'outside');
      }
      const limit = this.options.config.maxFileSizeKB * 1024;
      if (stat.size > limit) {
        // Outside the SMS folders a large file is most likely a changelog or generated page, not ours to report.
        return this.unreadable(path, inSmsFolder, { kind: 'too-large', bytes: stat.size, limitKB: this.options.config.maxFileSizeKB }, `size:${stat.size}`);
      }
      bytes = await this.options.fs.readFile(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined; // deleted while being read
      const reason: UnreadableReason = code === 'EACCES' || code === 'EPERM' ? { kind: 'denied' } : { kind: 'failed', code: code ?? String(error) };
      return this.unreadable(path, true, reason, `error:${code ?? ''}`);
    }
    const decoded = decodeText(bytes, this.options.config.maxFileSizeKB * 1024);
    if (!decoded.ok) {
      const looksLikeDocument = inSmsFolder || (bytes[0] === 0x2d && bytes[1] === 0x2d && bytes[2] === 0x2d);
      return this.unreadable(path, looksLikeDocument, { kind: 'undecodable', reason: decoded.reason }, `bad:${hashOf(bytes)}`);
    }
    return this.readText(path, decoded.text);
  }

  async readText(path: string, text: string): Promise<FileRead> {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const inSmsFolder = this.options.isInSmsFolder(path);
    // The path is part of the key: findings name their file, so equal content elsewhere is another result.
    const { signature, options: readOptions } = documentReadOptions(this.options.config);
    const hash = hashOf(`${path}\0${inSmsFolder ? 1 : 0}\0${this.options.validateDiagram ? 'diagrams' : ''}\0${signature}\0${body}`);
    const cached = this.options.cache?.get(hash, body);
    if (cached) return { hash, result: cached };
    let result: ReadResult;
    try {
      result = readSmsDocument(path, body, { inSmsFolder, ...readOptions });
    } catch (error) {
      // A parser bug on one file must not stop the check of the others; the failure is not cached.
      const problems = [{ rule: 'internal.rule-failed', error: error instanceof Error ? error.message : String(error) }] as const;
      return { hash, result: { path, isSmsDocument: true, problems, lines: new LineIndex(body) } };
    }
    if (this.options.validateDiagram && result.document && result.document.diagrams.length > 0) {
      const diagramProblems = await checkDiagrams(result.document, this.options.validateDiagram);
      if (diagramProblems.length > 0) result = { ...result, problems: [...(result.problems ?? []), ...diagramProblems] };
    }
    // A diagram stopped at its time limit might parse on a faster machine: such a result is not kept.
    if (!result.problems?.some((problem) => problem.rule === 'diagram.too-complex')) this.options.cache?.set(hash, result);
    return { hash, result };
  }

  private unreadable(path: string, report: boolean, reason: UnreadableReason, hash: string): FileRead {
    return { hash, result: { path, isSmsDocument: report, ...(report ? { problems: [{ rule: 'file.unreadable', reason }] } : {}), lines: new LineIndex('') } };
  }
}

function hashOf(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}
