import * as vscode from 'vscode';
import { checkStandaloneDocument } from '../core/checkStandalone.js';
import type { DiagramValidator } from '../core/diagrams/diagramValidator.js';
import { DEFAULT_CONFIG } from '../core/config/clausemarkConfig.js';
import { documentReadOptions } from '../core/config/documentFormat.js';
import { readSmsDocument, type ReadResult } from '../core/document/readSmsDocument.js';
import { toDiagnostic } from './convert.js';
import { DEBOUNCE_MS, FolderSession } from './folderSession.js';

/** A document's parse as of its current buffer, with the session it belongs to (if any). */
export interface CurrentDocument {
  readonly session: FolderSession | undefined;
  readonly path: string;
  readonly read: ReadResult;
}

/**
 * One session per workspace folder (each with its own config), plus single-file checks for Markdown
 * outside any folder. Routes editor and file-system events to the session that owns the file.
 */
export class SessionRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, FolderSession>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly standaloneTimers = new Map<string, NodeJS.Timeout>();
  private readonly parses = new Map<string, { version: number; read: ReadResult }>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly validateDiagram: DiagramValidator,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.documentChanged(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.removeFolder(folder);
        for (const folder of event.added) void this.addFolder(folder);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const session of this.sessions.values()) {
          if (event.affectsConfiguration('clausemark', session.folder)) void session.start().then(() => this.changed.fire());
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.recheckAll()),
    );
    // Changes made outside the editor (git checkout, another tool): every file, since any can be evidence.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.sessionFor(uri)?.fileEvent(uri, 'created')),
      watcher.onDidChange((uri) => this.sessionFor(uri)?.fileEvent(uri, 'changed')),
      watcher.onDidDelete((uri) => this.sessionFor(uri)?.fileEvent(uri, 'deleted')),
    );
  }

  /** Starts a session per folder; the first full read runs in the background with a progress notification. */
  async startAll(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.addFolder(folder)));
    for (const document of vscode.workspace.textDocuments) if (!this.sessionFor(document.uri)) this.documentChanged(document);
  }

  all(): FolderSession[] {
    return [...this.sessions.values()];
  }

  sessionFor(uri: vscode.Uri): FolderSession | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.sessions.get(folder.uri.toString()) : undefined;
  }

  /** The document as it is in its buffer now (parsed on demand, cached per version), for hovers and the like. */
  current(document: vscode.TextDocument): CurrentDocument | undefined {
    if (document.languageId !== 'markdown') return undefined;
    const session = this.sessionFor(document.uri);
    const path = session?.pathOf(document.uri) ?? document.uri.path.split('/').pop() ?? 'untitled.md';
    const key = document.uri.toString();
    const cached = this.parses.get(key);
    if (cached?.version === document.version) return { session, path, read: cached.read };
    const project = session?.current?.project;
    const inSmsFolder = session?.current?.index.isInSmsFolder(path) ?? false;
    const read = readSmsDocument(path, document.getText(), { inSmsFolder, ...documentReadOptions(project?.config ?? DEFAULT_CONFIG).options });
    this.parses.set(key, { version: document.version, read });
    return { session, path, read };
  }

  async recheckAll(): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Clausemark: checking the SMS', cancellable: false }, async (progress) => {
      await Promise.all(this.all().map((session) => session.start(reporter(progress))));
    });
    this.changed.fire();
  }

  private async addFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const session = new FolderSession(folder, this.diagnostics, this.validateDiagram);
    this.sessions.set(folder.uri.toString(), session);
    session.onDidChange(() => this.changed.fire());
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Clausemark: reading ${folder.name}`, cancellable: false }, (progress) => session.start(reporter(progress)));
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const session = this.sessions.get(folder.uri.toString());
    session?.dispose();
    this.sessions.delete(folder.uri.toString());
    this.changed.fire();
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' && !document.uri.path.endsWith('.md')) return;
    const session = this.sessionFor(document.uri);
    if (session) {
      session.documentChanged(document);
      return;
    }
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return;
    // Outside every folder: check the file on its own.
    const key = document.uri.toString();
    clearTimeout(this.standaloneTimers.get(key));
    this.standaloneTimers.set(key, setTimeout(() => {
      this.standaloneTimers.delete(key);
      const version = document.version;
      void checkStandaloneDocument(document.uri.fsPath || document.uri.path, document.getText(), { validateDiagram: this.validateDiagram }).then((findings) => {
        if (document.isClosed || document.version !== version) return;
        this.diagnostics.set(document.uri, findings.map((finding) => toDiagnostic(finding, () => document.uri)));
      });
    }, DEBOUNCE_MS));
  }

  private documentClosed(document: vscode.TextDocument): void {
    this.parses.delete(document.uri.toString());
    const session = this.sessionFor(document.uri);
    if (session) {
      // The disk is the truth again once the buffer is gone (it may have been closed unsaved).
      if (document.uri.scheme === 'file') session.fileEvent(document.uri, 'changed');
    } else {
      this.diagnostics.delete(document.uri);
    }
  }

  dispose(): void {
    for (const timer of this.standaloneTimers.values()) clearTimeout(timer);
    for (const session of this.sessions.values()) session.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}

function reporter(progress: vscode.Progress<{ message?: string; increment?: number }>): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const percent = total === 0 ? 100 : (done / total) * 100;
    progress.report({ message: `${done} of ${total} files`, increment: percent - last });
    last = percent;
  };
}
