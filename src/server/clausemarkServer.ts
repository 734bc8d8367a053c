import type { CancellationToken, ClientCapabilities, Connection, InitializeResult, WorkspaceFolder } from 'vscode-languageserver';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from 'node:path';
import {
  CertificationSummaryRequest,
  CoverageDocumentsRequest,
  CoverageTreeRequest,
  DocumentInfoRequest,
  ExportCoverageRequest,
  ExportWorkbookRequest,
  FoldersRequest,
  RecheckRequest,
  ServerInfoRequest,
  SettledRequest,
  StatusBarRequest,
  TraceabilityRequest,
} from '../protocol/clausemarkProtocol.js';
import { folderWatcher, type FolderWatcher } from './folderWatcher.js';
import { LanguageFeatures } from './languageFeatures.js';
import { exportCoverage, exportWorkbook, type WorkbookWriter } from './reportExports.js';
import { ServerWorkspace, uriToPath } from './serverWorkspace.js';
import { ViewModels } from './viewModels.js';
import type { DiagramValidatorPool } from '../core/index.js';

export interface ServerOptions {
  /** The diagram checker, created on first use and disposed on shutdown. */
  readonly diagrams: () => DiagramValidatorPool;
  readonly workbookWriter: WorkbookWriter;
}

const COMPLETION_TRIGGERS = [' ', '.', '-', '/', '['];

/** A request the client gave up on: answered with RequestCancelled instead of work nobody waits for. */
function checkCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Wires Clausemark onto an LSP connection: documents, folders, settings, file changes, features, custom requests. */
export function startClausemarkServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let pool: DiagramValidatorPool | undefined;
  const diagrams = (): DiagramValidatorPool => (pool ??= options.diagrams());
  const settingsFor = async (folderUri: string): Promise<unknown> =>
    capabilities.workspace?.configuration ? connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'clausemark' }) : undefined;
  const workspace = new ServerWorkspace(connection, documents, settingsFor, diagrams);
  const features = new LanguageFeatures(workspace);
  const views = new ViewModels(workspace);
  const watchers = new Map<string, FolderWatcher>();
  let initialFolders: readonly WorkspaceFolder[] = [];
  let ready: Promise<void> = Promise.resolve();

  const addFolders = (folders: readonly WorkspaceFolder[], watchHere: boolean): Promise<void> =>
    Promise.all(
      folders.map(async (folder) => {
        if (watchHere) {
          const path = uriToPath(folder.uri);
          if (path)
            watchers.set(
              folder.uri,
              folderWatcher(path, (uri, kind) => workspace.fileEvent(uri, kind)),
            );
        }
        await workspace.addFolder(folder.uri, folder.name);
      }),
    ).then(() => undefined);

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: basename(uriToPath(params.rootUri) ?? params.rootUri) }] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'clausemark-language-server' },
    };
  });

  connection.onInitialized(() => {
    const dynamicWatch = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Any file can be evidence, so every change counts; without the client's watcher the server watches itself.
    if (dynamicWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clausemark' });
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) {
          watchers.get(folder.uri)?.close();
          watchers.delete(folder.uri);
          workspace.removeFolder(folder.uri);
        }
        ready = ready.then(() => addFolders(event.added, !dynamicWatch));
      });
    }
    ready = addFolders(initialFolders, !dynamicWatch);
  });

  // didOpen also fires a content change: the open handler checks the document, the change handler skips it once.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    void ready.then(() => workspace.opened(event.document));
  });
  documents.onDidChangeContent((event) => {
    if (justOpened.delete(event.document.uri)) return;
    void ready.then(() => workspace.changed(event.document));
  });
  documents.onDidClose((event) => void ready.then(() => workspace.closed(event.document)));
  connection.onDidChangeWatchedFiles((params) => {
    const kinds = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
    for (const change of params.changes) workspace.fileEvent(change.uri, kinds[change.type]);
  });
  connection.onDidChangeConfiguration(() => void ready.then(() => workspace.settingsChanged()));

  connection.onHover((params) => features.hover(params.textDocument.uri, params.position));
  connection.onCompletion((params, token) => {
    checkCancelled(token);
    return features.completion(params.textDocument.uri, params.position);
  });
  connection.onDefinition((params) => features.definition(params.textDocument.uri, params.position));
  connection.onReferences((params, token) => {
    checkCancelled(token);
    return features.references(params.textDocument.uri, params.position);
  });
  connection.onDocumentLinks((params) => features.documentLinks(params.textDocument.uri));
  connection.onCodeLens((params) => features.codeLens(params.textDocument.uri));
  connection.onCodeAction((params) =>
    features.codeActions(params.textDocument.uri, params.context.diagnostics, capabilities.workspace?.workspaceEdit?.documentChanges === true),
  );

  connection.onRequest(CoverageTreeRequest, async (params, token) => {
    await ready;
    checkCancelled(token);
    return views.coverageTree(params.gapsOnly === true);
  });
  connection.onRequest(CoverageDocumentsRequest, async (params, token) => {
    await ready;
    checkCancelled(token);
    return views.coverageDocuments(params.folderUri, params.clause);
  });
  connection.onRequest(StatusBarRequest, async () => {
    await ready;
    return views.statusBar();
  });
  connection.onRequest(TraceabilityRequest, async (scope, token) => {
    await ready;
    await workspace.settled();
    checkCancelled(token);
    return views.traceability(scope);
  });
  connection.onRequest(DocumentInfoRequest, async (params) => {
    await ready;
    return views.documentInfo(params.uri);
  });
  connection.onRequest(FoldersRequest, async () => {
    await ready;
    return views.folders();
  });
  connection.onRequest(ExportCoverageRequest, async (params, token) => {
    await ready;
    const { folder, target } = exportTarget(params.folderUri, params.targetUri);
    checkCancelled(token);
    await exportCoverage(folder, params.format, target);
    return { path: target };
  });
  connection.onRequest(ExportWorkbookRequest, async (params, token) => {
    await ready;
    const { folder, target } = exportTarget(params.folderUri, params.targetUri);
    checkCancelled(token);
    await exportWorkbook(folder, target, options.workbookWriter);
    return { path: target };
  });
  connection.onRequest(RecheckRequest, async () => {
    await ready;
    await workspace.restartAll();
  });
  connection.onRequest(SettledRequest, async () => {
    await ready;
    await workspace.settled();
  });
  connection.onRequest(ServerInfoRequest, () => ({ pid: process.pid }));
  connection.onRequest(CertificationSummaryRequest, async () => {
    await ready;
    return views.certification();
  });

  function exportTarget(folderUri: string, targetUri: string): { folder: NonNullable<ReturnType<ServerWorkspace['folder']>>; target: string } {
    const folder = workspace.folder(folderUri);
    const target = uriToPath(targetUri);
    if (!folder) throw new ResponseError(LSPErrorCodes.RequestFailed, `Clausemark does not know the folder ${folderUri}.`);
    if (!target) throw new ResponseError(LSPErrorCodes.RequestFailed, `Clausemark can only write to files on disk, not ${targetUri}.`);
    return { folder, target };
  }

  connection.onShutdown(async () => {
    for (const watcher of watchers.values()) watcher.close();
    workspace.dispose();
    await pool?.dispose();
  });
  connection.onExit(() => process.exit(0));

  documents.listen(connection);
  connection.listen();
}
