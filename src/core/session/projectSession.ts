import { isAbsolute, join, relative, sep } from 'node:path';
import type { ConfigFile } from '../config/clausemarkConfig.js';
import { loadProject, type Project, type SetupProblem } from '../config/loadProject.js';
import type { DiagramValidator } from '../diagrams/diagramValidator.js';
import { WorkspaceIndex } from '../index/workspaceIndex.js';
import type { Finding } from '../model/finding.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { bufferFileSystem } from './bufferFileSystem.js';
import { WorkCancelled, WorkQueue } from './workQueue.js';

export const DEBOUNCE_MS = 300;

/**
 * A finding's content as text, computed once per finding object: the index hands out the same objects while
 * nothing changed them, and the repository file's findings (coverage, with every related document) run to
 * megabytes at 10,000 documents, too much to serialise again on each keystroke.
 */
const FINGERPRINTS = new WeakMap<Finding, string>();
function fingerprintOf(finding: Finding): string {
  let fingerprint = FINGERPRINTS.get(finding);
  if (fingerprint === undefined) {
    fingerprint = JSON.stringify(finding);
    FINGERPRINTS.set(finding, fingerprint);
  }
  return fingerprint;
}

export interface ProjectSessionOptions {
  /** The folder the editor opened (absolute); the project root is found from it as the CLI does. */
  readonly folder: string;
  readonly fs: WorkspaceFileSystem;
  /** The editor's settings for this folder, asked again on every (re)start; clausemark.json wins over them. */
  readonly settings?: () => ConfigFile | Promise<ConfigFile>;
  /** Checks diagram blocks; diagrams are not checked when absent. */
  readonly validateDiagram?: () => DiagramValidator | undefined;
  readonly debounceMs?: number;
  readonly now?: () => Date;
}

/** What one step of work changed: the paths whose findings differ from what was last reported. */
export interface SessionChange {
  /** Repository-relative paths to (re)publish; an empty list of findings means "clear". */
  readonly paths: readonly string[];
  /** The buffer version each edited path was checked at. */
  readonly versions: ReadonlyMap<string, number>;
  /** The set-up problems were replaced (the project (re)loaded). */
  readonly setupChanged: boolean;
}

/**
 * Clausemark for one folder, without an editor: loads the project, reads every document, and keeps the index
 * up to date as buffers change and files change on disk. Edits are debounced per document and applied one at
 * a time in one queue; a check is skipped when a newer edit of the same document is already waiting, so a stale
 * result is never reported after a newer one. A restart cancels a read still in progress.
 */
export class ProjectSession {
  private index: WorkspaceIndex | undefined;
  private project: Project | undefined;
  private problems: readonly SetupProblem[] = [];
  private readonly queue = new WorkQueue();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Open buffers by absolute path (a restart may move the root, and with it every relative path). */
  private readonly buffers = new Map<string, { readonly text: string; readonly version: number }>();
  /** What was last reported per path (a fingerprint per finding), to report only real changes. */
  private readonly reported = new Map<string, readonly string[]>();
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private generation = 0;
  private disposed = false;
  private readonly fs: WorkspaceFileSystem;

  constructor(private readonly options: ProjectSessionOptions) {
    this.fs = bufferFileSystem(options.fs, (absolute) => this.buffers.get(absolute)?.text);
  }

  /** The project root (where clausemark.json is), or the folder until the project is loaded. */
  get root(): string {
    return this.project?.root ?? this.options.folder;
  }

  get current(): { readonly index: WorkspaceIndex; readonly project: Project } | undefined {
    return this.index && this.project ? { index: this.index, project: this.project } : undefined;
  }

  get setupProblems(): readonly SetupProblem[] {
    return this.problems;
  }

  onDidChange(listener: (change: SessionChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The repository-relative path of an absolute path inside the root, else undefined. */
  pathOf(absolute: string): string | undefined {
    const path = relative(this.root, absolute);
    if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
    return sep === '/' ? path : path.split(sep).join('/');
  }

  absoluteOf(path: string): string {
    return path === '.' ? this.root : join(this.root, ...path.split('/'));
  }

  findingsFor(path: string): Finding[] {
    return this.index?.findingsFor(path) ?? [];
  }

  /** The buffer text of an open document, if it is open. */
  bufferOf(path: string): { readonly text: string; readonly version: number } | undefined {
    return this.buffers.get(this.absoluteOf(path));
  }

  /**
   * Loads the configuration and reads every document; call again to start over (settings or clausemark.json
   * changed). A read still in progress is abandoned. Resolves false when a newer start replaced this one.
   */
  start(progress?: (done: number, total: number) => void): Promise<boolean> {
    const generation = ++this.generation;
    const check = (): void => {
      if (generation !== this.generation || this.disposed) throw new WorkCancelled();
    };
    return this.queue.run(async () => {
      try {
        check();
        const settings = (await this.options.settings?.()) ?? {};
        check();
        const loaded = await loadProject({ start: this.options.folder, fs: this.fs, settings });
        check();
        const before = [...this.reported.keys()];
        if (!loaded.ok) {
          this.index = undefined;
          this.project = undefined;
          this.problems = loaded.problems;
          this.report(before, new Map(), true);
          return true;
        }
        const validateDiagram = this.options.validateDiagram?.();
        const index = new WorkspaceIndex({
          project: loaded.project,
          fs: this.fs,
          ...(this.options.now ? { now: this.options.now } : {}),
          ...(validateDiagram ? { validateDiagram } : {}),
        });
        await index.scan((done, total) => {
          check();
          progress?.(done, total);
        });
        check();
        this.index = index;
        this.project = loaded.project;
        this.problems = [];
        this.report([...before, ...index.paths(), index.repositoryFile], new Map(), true);
        return true;
      } catch (error) {
        if (error instanceof WorkCancelled) return false;
        throw error;
      }
    });
  }

  /** A buffer was opened: it is checked from its text at once (it may differ from the disk). */
  documentOpened(path: string, text: string, version: number): void {
    this.schedule(path, text, version, 0);
  }

  /** A buffer changed: re-check it from its text after a short pause in typing. */
  documentChanged(path: string, text: string, version: number): void {
    this.schedule(path, text, version, this.options.debounceMs ?? DEBOUNCE_MS);
  }

  /** A buffer was closed: the disk is the truth again (it may have been closed unsaved). */
  documentClosed(path: string): void {
    clearTimeout(this.timers.get(path));
    this.timers.delete(path);
    if (!this.buffers.delete(this.absoluteOf(path))) return;
    void this.fileEvent(path, 'changed');
  }

  /** A file was created, changed or deleted on disk (git checkout, another tool, a save). */
  fileEvent(path: string, kind: 'created' | 'changed' | 'deleted'): Promise<void> {
    if (this.project && (this.project.configFile === path || this.absoluteOf(path) === this.project.catalog.source)) return this.start().then(() => undefined);
    return this.queue.run(async () => {
      const index = this.index;
      // An open buffer is newer than the disk: keep checking the buffer.
      if (!index || this.buffers.has(this.absoluteOf(path))) return;
      if (kind === 'deleted') await this.apply(index.includes(path) ? await index.deleteDocument(path) : await index.fileChanged(path));
      else await this.apply(index.includes(path) ? await index.setDocument(path) : await index.fileChanged(path));
    });
  }

  /** Waits until every update queued so far (and every pending debounce) has been applied. */
  async settled(): Promise<void> {
    while (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.queue.idle();
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }

  private schedule(path: string, text: string, version: number, delay: number): void {
    if (this.disposed) return;
    const absolute = this.absoluteOf(path);
    this.buffers.set(absolute, { text, version });
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        void this.queue.run(async () => {
          // A newer edit is queued behind this one: let that one report.
          const index = this.index;
          if (!index || this.buffers.get(absolute)?.version !== version || !index.includes(path)) return;
          await this.apply(await index.setDocument(path, text), new Map([[path, version]]));
        });
      }, delay),
    );
  }

  private async apply(affected: ReadonlySet<string>, versions: ReadonlyMap<string, number> = new Map()): Promise<void> {
    // The edited document first, and a turn of the event loop for its listeners to send it: the editor shows its
    // diagnostics without waiting for the documents it affects (every audit report, when the cycle changed).
    if (versions.size > 0) {
      this.report(versions.keys(), versions, false);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.report(
      [...affected].filter((path) => !versions.has(path)),
      new Map(),
      false,
    );
  }

  /** Reports the paths whose findings changed since last reported; an edited path is always reported. */
  private report(candidates: Iterable<string>, versions: ReadonlyMap<string, number>, setupChanged: boolean): void {
    const paths: string[] = [];
    for (const path of new Set(candidates)) {
      const fingerprints = this.findingsFor(path).map(fingerprintOf);
      const before = this.reported.get(path) ?? [];
      const same = fingerprints.length === before.length && fingerprints.every((fingerprint, at) => fingerprint === before[at]);
      if (same && !versions.has(path)) continue;
      if (fingerprints.length === 0) this.reported.delete(path);
      else this.reported.set(path, fingerprints);
      paths.push(path);
    }
    if (paths.length === 0 && !setupChanged) return;
    const change: SessionChange = { paths, versions, setupChanged };
    for (const listener of this.listeners) listener(change);
  }
}
