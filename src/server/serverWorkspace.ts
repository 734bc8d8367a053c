import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkStandaloneDocument,
  DEBOUNCE_MS,
  DEFAULT_CONFIG,
  documentReadOptions,
  nodeFileSystem,
  ProjectSession,
  readSmsDocument,
  type DiagramValidator,
  type ReadResult,
  type SessionChange,
} from '../core/index.js';
import { DidChangeNotification, ProgressNotification } from '../protocol/clausemarkProtocol.js';
import { readServerSettings, sameSettings, type ServerSettings } from './serverSettings.js';
import { toDiagnostic, toWireRange } from './wireRange.js';

/** One workspace folder the editor opened, with its session. */
export interface FolderEntry {
  readonly uri: string;
  readonly name: string;
  readonly path: string;
  readonly session: ProjectSession;
  settings: ServerSettings;
  /** Files that carry set-up problem diagnostics now (absolute URIs). */
  setupUris: Set<string>;
}

/** A document's parse as of its current buffer, with the folder it belongs to (if any). */
export interface CurrentDocument {
  readonly folder: FolderEntry | undefined;
  readonly path: string;
  readonly read: ReadResult;
  readonly document: TextDocument;
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server's view of the editor's workspace: a session per folder (each with its own settings and
 * clausemark.json), single-file checks for Markdown outside every folder, and the diagnostics published for both.
 */
export class ServerWorkspace {
  private readonly folders = new Map<string, FolderEntry>();
  private readonly parses = new Map<string, { version: number; read: ReadResult }>();
  private readonly standaloneTimers = new Map<string, NodeJS.Timeout>();
  private readonly standalonePending = new Set<Promise<void>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settingsFor: (folderUri: string) => Promise<unknown>,
    private readonly diagrams: () => DiagramValidator,
  ) {}

  all(): FolderEntry[] {
    return [...this.folders.values()];
  }

  folder(uri: string): FolderEntry | undefined {
    return this.folders.get(uri);
  }

  /** The folder holding a file: the innermost one, since folders may nest. */
  folderFor(uri: string): FolderEntry | undefined {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    let best: FolderEntry | undefined;
    for (const folder of this.folders.values()) {
      const inside = path === folder.path || path.startsWith(folder.path.endsWith('/') ? folder.path : `${folder.path}/`);
      if (inside && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  /** The URI to publish a repository path under: an open buffer's own URI, else the file URI. */
  uriOf(folder: FolderEntry, path: string): string {
    const absolute = folder.session.absoluteOf(path);
    const open = this.documents.all().find((document) => uriToPath(document.uri) === absolute);
    return open?.uri ?? pathToFileURL(absolute).href;
  }

  async addFolder(uri: string, name: string): Promise<void> {
    const path = uriToPath(uri);
    if (path === undefined || this.folders.has(uri)) return;
    const session = new ProjectSession({
      folder: path,
      fs: nodeFileSystem,
      settings: async () => {
        entry.settings = readServerSettings(await this.settingsFor(uri));
        return entry.settings.config;
      },
      validateDiagram: () => (entry.settings.validateDiagrams ? this.diagrams() : undefined),
      // No pause after typing: the server has its own process, and its queue drops a check whose version is
      // already outdated, so a burst of keystrokes costs at most one check in flight and one for the latest text.
      debounceMs: 0,
    });
    const entry: FolderEntry = { uri, name, path, session, settings: readServerSettings(undefined), setupUris: new Set() };
    this.folders.set(uri, entry);
    session.onDidChange((change) => this.publish(entry, change));
    await this.start(entry);
  }

  removeFolder(uri: string): void {
    const entry = this.folders.get(uri);
    if (!entry) return;
    entry.session.dispose();
    this.folders.delete(uri);
    for (const setupUri of entry.setupUris) void this.connection.sendDiagnostics({ uri: setupUri, diagnostics: [] });
    for (const path of entry.session.current?.index.paths() ?? []) void this.connection.sendDiagnostics({ uri: this.uriOf(entry, path), diagnostics: [] });
    void this.connection.sendNotification(DidChangeNotification, { folderUri: uri });
  }

  /** Reads a folder from scratch, then re-applies its open buffers. */
  async start(entry: FolderEntry): Promise<void> {
    // One notification per percent (and the last): 10,000 files must not mean 10,000 messages.
    let sent = -1;
    const started = await entry.session.start((done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === sent && done !== total) return;
      sent = percent;
      void this.connection.sendNotification(ProgressNotification, { folder: entry.name, done, total });
    });
    if (!started) return;
    for (const document of this.documents.all()) if (this.folderFor(document.uri) === entry) this.opened(document);
  }

  async restartAll(): Promise<void> {
    await Promise.all(this.all().map((entry) => this.start(entry)));
  }

  /**
   * The editor says its settings changed: only a folder whose settings now differ from those it was read with is
   * read again. VS Code's client says so twice as it starts (its settings sync, then the dynamic registration),
   * with nothing changed: re-reading every folder each time read a large SMS three times over.
   */
  async settingsChanged(): Promise<void> {
    await Promise.all(
      this.all().map(async (entry) => {
        if (!sameSettings(readServerSettings(await this.settingsFor(entry.uri)), entry.settings)) await this.start(entry);
      }),
    );
  }

  opened(document: TextDocument): void {
    this.route(document, (entry, path) => entry.session.documentOpened(path, document.getText(), document.version), 0);
  }

  changed(document: TextDocument): void {
    this.route(document, (entry, path) => entry.session.documentChanged(path, document.getText(), document.version), DEBOUNCE_MS);
  }

  closed(document: TextDocument): void {
    this.parses.delete(document.uri);
    const entry = this.folderFor(document.uri);
    const path = entry?.session.pathOf(uriToPath(document.uri) ?? '');
    if (entry && path !== undefined) entry.session.documentClosed(path);
    else if (!entry) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  /** A file changed on disk (a watcher or the client told us). */
  fileEvent(uri: string, kind: 'created' | 'changed' | 'deleted'): void {
    const entry = this.folderFor(uri);
    const path = entry?.session.pathOf(uriToPath(uri) ?? '');
    if (entry && path !== undefined) void entry.session.fileEvent(path, kind);
  }

  /** The document as it is in its buffer now (parsed on demand, cached per version). */
  current(uri: string): CurrentDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const folder = this.folderFor(uri);
    const absolute = uriToPath(uri);
    const path = (absolute !== undefined ? folder?.session.pathOf(absolute) : undefined) ?? uri.split('/').pop() ?? 'untitled.md';
    const cached = this.parses.get(uri);
    if (cached?.version === document.version) return { folder, path, read: cached.read, document };
    const state = folder?.session.current;
    const read = readSmsDocument(path, document.getText(), {
      inSmsFolder: state?.index.isInSmsFolder(path) ?? false,
      ...documentReadOptions(state?.project.config ?? DEFAULT_CONFIG).options,
    });
    this.parses.set(uri, { version: document.version, read });
    return { folder, path, read, document };
  }

  async settled(): Promise<void> {
    await Promise.all(this.all().map((entry) => entry.session.settled()));
    while (this.standaloneTimers.size > 0 || this.standalonePending.size > 0) {
      await Promise.all([...this.standalonePending, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  dispose(): void {
    for (const timer of this.standaloneTimers.values()) clearTimeout(timer);
    for (const entry of this.folders.values()) entry.session.dispose();
  }

  private route(document: TextDocument, inFolder: (entry: FolderEntry, path: string) => void, delay: number): void {
    if (!document.uri.endsWith('.md') && document.languageId !== 'markdown') return;
    const entry = this.folderFor(document.uri);
    const absolute = uriToPath(document.uri);
    const path = absolute !== undefined ? entry?.session.pathOf(absolute) : undefined;
    if (entry && path !== undefined) inFolder(entry, path);
    else if (!entry) this.checkStandalone(document, delay);
  }

  /** Markdown outside every folder is checked on its own. */
  private checkStandalone(document: TextDocument, delay: number): void {
    clearTimeout(this.standaloneTimers.get(document.uri));
    this.standaloneTimers.set(
      document.uri,
      setTimeout(() => {
        this.standaloneTimers.delete(document.uri);
        const { uri, version } = document;
        const pending = checkStandaloneDocument(uriToPath(uri) ?? uri, document.getText(), { validateDiagram: this.diagrams() }).then((findings) => {
          if (this.documents.get(uri)?.version !== version) return;
          void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding) => toDiagnostic(finding, () => uri)) });
        });
        this.standalonePending.add(pending);
        void pending.finally(() => this.standalonePending.delete(pending));
      }, delay),
    );
  }

  private publish(entry: FolderEntry, change: SessionChange): void {
    if (change.setupChanged) this.publishSetupProblems(entry);
    for (const path of change.paths) {
      const uri = this.uriOf(entry, path);
      const diagnostics = entry.session.findingsFor(path).map((finding) => toDiagnostic(finding, (file) => this.uriOf(entry, file)));
      const version = change.versions.get(path);
      void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
    void this.connection.sendNotification(DidChangeNotification, { folderUri: entry.uri });
  }

  private publishSetupProblems(entry: FolderEntry): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const problem of entry.session.setupProblems) {
      const uri = pathToFileURL(problem.file).href;
      const diagnostic: Diagnostic = {
        range: toWireRange(problem.range),
        message: `Clausemark cannot check this folder: ${problem.message}`,
        severity: DiagnosticSeverity.Error,
        source: 'clausemark',
      };
      byUri.set(uri, [...(byUri.get(uri) ?? []), diagnostic]);
    }
    for (const uri of entry.setupUris) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    entry.setupUris = new Set(byUri.keys());
  }
}
