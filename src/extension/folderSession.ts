import { posix, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { loadProject, type Project, type SetupProblem } from '../core/config/loadProject.js';
import type { DiagramValidator } from '../core/diagrams/diagramValidator.js';
import { WorkspaceIndex } from '../core/index/workspaceIndex.js';
import { toDiagnostic, toRange } from './convert.js';
import { diagramsEnabled, settingsFor } from './settings.js';
import { editorFileSystem } from './vscodeFileSystem.js';

export const DEBOUNCE_MS = 300;

/**
 * Clausemark for one workspace folder: its configuration, its index and its diagnostics. Edits are
 * debounced per document and applied one at a time; a result is published only if no newer edit of the
 * same document has arrived meanwhile, so stale results never overwrite newer ones.
 */
export class FolderSession implements vscode.Disposable {
  private index: WorkspaceIndex | undefined;
  private project: Project | undefined;
  private setupProblems: readonly SetupProblem[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The document version each path was last asked to check at. */
  private readonly wanted = new Map<string, number>();
  private readonly published = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after findings or coverage changed (trees, status bar, webviews listen). */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly validateDiagram: DiagramValidator,
  ) {}

  get root(): string {
    return this.project?.root ?? this.folder.uri.fsPath;
  }

  get current(): { index: WorkspaceIndex; project: Project } | undefined {
    return this.index && this.project ? { index: this.index, project: this.project } : undefined;
  }

  /** Loads the configuration and reads every document; safe to call again to start over. */
  start(progress?: (done: number, total: number) => void): Promise<void> {
    return this.enqueue(async () => {
      const loaded = await loadProject({ start: this.folder.uri.fsPath, fs: editorFileSystem, settings: settingsFor(this.folder) });
      this.clearPublished();
      if (!loaded.ok) {
        this.index = undefined;
        this.project = undefined;
        this.setupProblems = loaded.problems;
        this.publishSetupProblems();
        this.changed.fire();
        return;
      }
      this.setupProblems = [];
      this.project = loaded.project;
      const index = new WorkspaceIndex({
        project: loaded.project,
        fs: editorFileSystem,
        ...(diagramsEnabled(this.folder) ? { validateDiagram: this.validateDiagram } : {}),
      });
      await index.scan(progress);
      this.index = index;
      this.publish(new Set([...index.paths(), index.repositoryFile]));
      this.changed.fire();
    });
  }

  /** The repository-relative path of a file in this session, or undefined when it is not ours. */
  pathOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file') return undefined;
    const path = relative(this.root, uri.fsPath);
    if (path === '' || path.startsWith('..') || posix.isAbsolute(path) || /^[a-zA-Z]:/.test(path)) return undefined;
    return sep === '/' ? path : path.split(sep).join('/');
  }

  uriOf(path: string): vscode.Uri {
    return path === '.' ? vscode.Uri.file(this.root) : vscode.Uri.joinPath(vscode.Uri.file(this.root), ...path.split('/'));
  }

  /** A buffer changed: re-check it from its unsaved text after a short pause in typing. */
  documentChanged(document: vscode.TextDocument): void {
    const path = this.pathOf(document.uri);
    if (path === undefined || !this.index?.includes(path)) return;
    this.wanted.set(path, document.version);
    clearTimeout(this.timers.get(path));
    this.timers.set(path, setTimeout(() => {
      this.timers.delete(path);
      void this.enqueue(async () => {
        // A newer edit is queued behind this one, or the buffer moved on: let that one publish.
        if (this.wanted.get(path) !== document.version) return;
        await this.apply(await this.index?.setDocument(path, document.getText()));
      });
    }, DEBOUNCE_MS));
  }

  /** A file was created, changed or deleted on disk (git checkout, another tool, a save). */
  fileEvent(uri: vscode.Uri, kind: 'created' | 'changed' | 'deleted'): void {
    const path = this.pathOf(uri);
    if (path === undefined) return;
    if (this.project?.configFile === path || (this.project && uri.fsPath === this.project.catalog.source)) {
      void this.start();
      return;
    }
    void this.enqueue(async () => {
      const index = this.index;
      if (!index) return;
      // An open, edited buffer is newer than the disk: keep checking the buffer.
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      if (kind !== 'deleted' && open?.isDirty) return;
      if (kind === 'deleted') await this.apply(index.includes(path) ? await index.deleteDocument(path) : await index.fileChanged(path));
      else await this.apply(index.includes(path) ? await index.setDocument(path) : await index.fileChanged(path));
    });
  }

  /** Waits until every queued update has been applied (used by commands and tests). */
  settled(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  private async apply(affected: ReadonlySet<string> | undefined): Promise<void> {
    if (!affected || affected.size === 0) return;
    this.publish(affected);
    this.changed.fire();
  }

  private publish(paths: Iterable<string>): void {
    const index = this.index;
    if (!index) return;
    for (const path of paths) {
      const uri = this.uriOf(path);
      const findings = index.findingsFor(path);
      if (findings.length === 0) {
        this.diagnostics.delete(uri);
        this.published.delete(path);
      } else {
        this.diagnostics.set(uri, findings.map((finding) => toDiagnostic(finding, (file) => this.uriOf(file))));
        this.published.add(path);
      }
    }
  }

  private publishSetupProblems(): void {
    for (const problem of this.setupProblems) {
      const uri = vscode.Uri.file(problem.file);
      const diagnostic = new vscode.Diagnostic(toRange(problem.range), `Clausemark cannot check this folder: ${problem.message}`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'clausemark';
      this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), diagnostic]);
      this.published.add(this.pathOf(uri) ?? problem.file);
    }
  }

  private clearPublished(): void {
    for (const path of this.published) this.diagnostics.delete(posix.isAbsolute(path) ? vscode.Uri.file(path) : this.uriOf(path));
    this.published.clear();
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.clearPublished();
    this.changed.dispose();
  }
}
