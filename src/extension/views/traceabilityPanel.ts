import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { mermaidFlowchart } from '../../core/traceability/mermaidFlowchart.js';
import { traceabilityGraph, type TraceScope } from '../../core/traceability/traceabilityGraph.js';
import type { FolderSession } from '../folderSession.js';
import { traceabilityHtml } from './traceabilityHtml.js';

/** What the page may send back. */
type PageMessage = { type: 'ready' } | { type: 'open'; key: string } | { type: 'rendered'; nodes: number } | { type: 'failed'; message: string };

/** One traceability panel (created or revealed), showing a mermaid diagram that follows the SMS as it changes. */
export class TraceabilityPanel implements vscode.Disposable {
  private static current: TraceabilityPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private openable = new Map<string, string>();

  static createOrShow(extensionUri: vscode.Uri, session: FolderSession, scope: TraceScope, title: string): TraceabilityPanel {
    if (TraceabilityPanel.current) {
      TraceabilityPanel.current.show(session, scope, title);
      return TraceabilityPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('clausemark.traceability', 'Clausemark traceability', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'media')],
      retainContextWhenHidden: false,
    });
    TraceabilityPanel.current = new TraceabilityPanel(panel, extensionUri, session, scope, title);
    return TraceabilityPanel.current;
  }

  static get active(): TraceabilityPanel | undefined {
    return TraceabilityPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private session: FolderSession,
    private scope: TraceScope,
    private title: string,
  ) {
    const webview = panel.webview;
    const asUri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
    webview.html = traceabilityHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      mermaidUri: asUri('dist', 'media', 'mermaid.min.js'),
      scriptUri: asUri('media', 'traceability.js'),
      styleUri: asUri('media', 'traceability.css'),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: PageMessage) => this.received(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.watch();
    this.render();
  }

  show(session: FolderSession, scope: TraceScope, title: string): void {
    this.session = session;
    this.scope = scope;
    this.title = title;
    this.watch();
    this.render();
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** The diagram source last sent to the page (for tests and export). */
  lastSource = '';
  /** What the page last reported: how many nodes mermaid drew, or why it could not. */
  pageState: { rendered: number } | { failed: string } | undefined;

  private sessionListener: vscode.Disposable | undefined;

  private watch(): void {
    this.sessionListener?.dispose();
    this.sessionListener = this.session.onDidChange(() => this.render());
  }

  private render(): void {
    const state = this.session.current;
    if (!state) return;
    const graph = traceabilityGraph(this.scope, state.index.documents(), state.project.catalog, state.index.coverage());
    this.openable = new Map(graph.nodes.flatMap((node) => (node.path ? [[node.key, node.path] as const] : [])));
    this.lastSource = mermaidFlowchart(graph);
    this.pageState = undefined;
    void this.panel.webview.postMessage({
      type: 'render',
      title: this.title,
      source: this.lastSource,
      empty: graph.nodes.length === 0,
      clickable: [...this.openable.keys()],
    });
  }

  private received(message: PageMessage): void {
    if (message.type === 'ready') this.render();
    if (message.type === 'rendered' && typeof message.nodes === 'number') this.pageState = { rendered: message.nodes };
    if (message.type === 'failed') this.pageState = { failed: String(message.message) };
    // Only paths this panel sent can be opened: the page is never trusted to name a file.
    if (message.type === 'open' && typeof message.key === 'string') {
      const path = this.openable.get(message.key);
      if (path) void vscode.window.showTextDocument(this.session.uriOf(path), { viewColumn: vscode.ViewColumn.One });
    }
  }

  dispose(): void {
    if (TraceabilityPanel.current === this) TraceabilityPanel.current = undefined;
    this.sessionListener?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}
