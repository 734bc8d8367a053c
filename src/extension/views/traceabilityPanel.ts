import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { TraceabilityModel, TraceabilityScope } from '../../protocol/clausemarkProtocol.js';
import { traceabilityHtml } from './traceabilityHtml.js';

/** What the page may send back. */
type PageMessage = { type: 'ready' } | { type: 'open'; key: string } | { type: 'rendered'; nodes: number } | { type: 'failed'; message: string };

/** Asks the language server for a diagram. */
export type TraceabilitySource = (scope: TraceabilityScope) => Promise<TraceabilityModel | null>;

/** One traceability panel (created or revealed), showing a mermaid diagram that follows the SMS as it changes. */
export class TraceabilityPanel implements vscode.Disposable {
  private static current: TraceabilityPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private openable = new Map<string, string>();
  /** Each render asks the server; only the newest answer is drawn. */
  private renders = 0;

  static createOrShow(extensionUri: vscode.Uri, source: TraceabilitySource, onDidChange: vscode.Event<void>, scope: TraceabilityScope): TraceabilityPanel {
    if (TraceabilityPanel.current) {
      TraceabilityPanel.current.show(scope);
      return TraceabilityPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('clausemark.traceability', 'Clausemark traceability', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'media')],
      retainContextWhenHidden: false,
    });
    TraceabilityPanel.current = new TraceabilityPanel(panel, extensionUri, source, onDidChange, scope);
    return TraceabilityPanel.current;
  }

  static get active(): TraceabilityPanel | undefined {
    return TraceabilityPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: TraceabilitySource,
    onDidChange: vscode.Event<void>,
    private scope: TraceabilityScope,
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
      onDidChange(() => void this.render()),
    );
    void this.render();
  }

  show(scope: TraceabilityScope): void {
    this.scope = scope;
    void this.render();
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** The diagram source last sent to the page (for tests and export). */
  lastSource = '';
  /** What the page last reported: how many nodes mermaid drew, or why it could not. */
  pageState: { rendered: number } | { failed: string } | undefined;

  private async render(): Promise<void> {
    const render = ++this.renders;
    const model = await this.source(this.scope);
    if (!model || render !== this.renders || TraceabilityPanel.current !== this) return;
    this.openable = new Map(model.clickable.map((node) => [node.key, node.uri]));
    this.lastSource = model.source;
    this.pageState = undefined;
    void this.panel.webview.postMessage({ type: 'render', title: model.title, source: model.source, empty: model.empty, clickable: [...this.openable.keys()] });
  }

  private received(message: PageMessage): void {
    if (message.type === 'ready') void this.render();
    if (message.type === 'rendered' && typeof message.nodes === 'number') this.pageState = { rendered: message.nodes };
    if (message.type === 'failed') this.pageState = { failed: String(message.message) };
    // Only files this panel sent can be opened: the page is never trusted to name a file.
    if (message.type === 'open' && typeof message.key === 'string') {
      const uri = this.openable.get(message.key);
      if (uri) void vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One });
    }
  }

  dispose(): void {
    if (TraceabilityPanel.current === this) TraceabilityPanel.current = undefined;
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}
