import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';
import {
  CertificationSummaryRequest,
  CoverageDocumentsRequest,
  CoverageTreeRequest,
  DidChangeNotification,
  DocumentInfoRequest,
  ProgressNotification,
  RecheckRequest,
  ServerInfoRequest,
  SettledRequest,
  StatusBarRequest,
} from '../protocol/clausemarkProtocol.js';
import { registerCommands } from './commands.js';
import { clausemarkClient } from './languageClient.js';
import type { CertificationSummary } from '../core/cycle/certificationSummary.js';
import { CertificationTreeProvider } from './views/certificationTree.js';
import { CoverageStatusBar } from './views/coverageStatusBar.js';
import { CoverageTreeProvider } from './views/coverageTree.js';
import { ReadingProgress } from './views/readingProgress.js';
import { TraceabilityPanel } from './views/traceabilityPanel.js';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ClausemarkApi {
  /** Resolves when the language server has read every workspace folder once. */
  readonly ready: Promise<void>;
  readonly client: LanguageClient;
  readonly coverageTree: CoverageTreeProvider;
  readonly certificationTree: CertificationTreeProvider;
  /** Waits until every queued re-check has been applied, and the views show the result. */
  settled(): Promise<void>;
  /** The language server's process id (tests kill it to see the client restart it). */
  serverPid(): Promise<number>;
  /** The mermaid source and page HTML of the open traceability panel, if any. */
  traceability(): { source: string; html: string; page: { rendered: number } | { failed: string } | undefined } | undefined;
}

/** Views refresh at most this often while the server reports changes (each keystroke's check reports one). */
const VIEW_REFRESH_MS = 100;

export function activate(context: vscode.ExtensionContext): ClausemarkApi {
  const client = clausemarkClient(context);
  const changed = new vscode.EventEmitter<void>();
  const coverageTree = new CoverageTreeProvider(
    async (gapsOnly) => (await client.sendRequest(CoverageTreeRequest, { gapsOnly })).folders,
    (folderUri, clause) => client.sendRequest(CoverageDocumentsRequest, { folderUri, clause }),
  );
  const statusBar = new CoverageStatusBar(() => client.sendRequest(StatusBarRequest));
  // The tree renders synchronously: it shows the summary the server last answered.
  let certification: CertificationSummary | undefined;
  const certificationChanged = new vscode.EventEmitter<void>();
  const certificationTree = new CertificationTreeProvider(() => certification, certificationChanged.event);
  const refreshCertification = async (): Promise<void> => {
    certification = (await client.sendRequest(CertificationSummaryRequest)) ?? undefined;
    certificationChanged.fire();
  };
  const refreshViews = async (): Promise<void> => {
    if (client.state !== State.Running) return;
    await Promise.all([coverageTree.refresh(), statusBar.refresh(), refreshCertification(), updateEditorContext(client, vscode.window.activeTextEditor)]);
  };
  let timer: NodeJS.Timeout | undefined;
  const scheduleRefresh = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void refreshViews().catch(() => undefined);
      changed.fire();
    }, VIEW_REFRESH_MS);
  };
  context.subscriptions.push(
    client,
    changed,
    coverageTree,
    statusBar,
    { dispose: () => clearTimeout(timer) },
    vscode.window.createTreeView('clausemark.coverage', { treeDataProvider: coverageTree, showCollapseAll: true }),
    vscode.window.createTreeView('clausemark.certification', { treeDataProvider: certificationTree, showCollapseAll: true }),
    certificationChanged,
    vscode.window.onDidChangeActiveTextEditor((editor) => void updateEditorContext(client, editor).catch(() => undefined)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendRequest(RecheckRequest)),
    // After a restart (the server crashed) the new server reads the folders again: the views follow.
    client.onDidChangeState((event) => {
      // A restarted server publishes only documents with findings: what the old one published must go first.
      if (event.newState === State.Starting) client.diagnostics?.clear();
      if (event.newState === State.Running) scheduleRefresh();
    }),
  );
  registerCommands(context, client, coverageTree, changed.event);
  // The server reads the SMS in its own process: activation returns at once and typing is never blocked.
  const ready = client.start().then(async () => {
    const reading = new ReadingProgress();
    context.subscriptions.push(
      client.onNotification(DidChangeNotification, scheduleRefresh),
      client.onNotification(ProgressNotification, (params) => reading.report(params.folder, params.done, params.total)),
    );
    await client.sendRequest(SettledRequest);
    await refreshViews();
  });
  return {
    ready,
    client,
    coverageTree,
    certificationTree,
    settled: async () => {
      await ready;
      await client.sendRequest(SettledRequest);
      await refreshViews();
    },
    serverPid: async () => (await client.sendRequest(ServerInfoRequest)).pid,
    traceability: () => {
      const panel = TraceabilityPanel.active;
      // Until the server has answered, the panel has nothing to show.
      return panel?.lastSource ? { source: panel.lastSource, html: panel.panel.webview.html, page: panel.pageState } : undefined;
    },
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions (the client stops the server when disposed).
}

async function updateEditorContext(client: LanguageClient, editor: vscode.TextEditor | undefined): Promise<void> {
  const isSms =
    editor && client.state === State.Running ? (await client.sendRequest(DocumentInfoRequest, { uri: editor.document.uri.toString() })).isSmsDocument : false;
  await vscode.commands.executeCommand('setContext', 'clausemark.isSmsDocument', isSms);
}
