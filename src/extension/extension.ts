import * as vscode from 'vscode';
import { mermaidWorkerPool } from '../core/diagrams/mermaidWorkerPool.js';
import { certificationSource } from './certificationSource.js';
import { registerCommands } from './commands.js';
import { ClausemarkCodeActionProvider } from './providers/codeActionProvider.js';
import { ClausemarkCodeLensProvider } from './providers/codeLensProvider.js';
import { ClausemarkCompletionProvider } from './providers/completionProvider.js';
import { ClausemarkHoverProvider } from './providers/hoverProvider.js';
import { ClausemarkDefinitionProvider, ClausemarkDocumentLinkProvider, ClausemarkReferenceProvider } from './providers/navigationProviders.js';
import { SessionRegistry } from './sessionRegistry.js';
import { CertificationTreeProvider } from './views/certificationTree.js';
import { CoverageStatusBar } from './views/coverageStatusBar.js';
import { CoverageTreeProvider } from './views/coverageTree.js';
import { TraceabilityPanel } from './views/traceabilityPanel.js';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ClausemarkApi {
  /** Resolves when every workspace folder has been read once. */
  readonly ready: Promise<void>;
  readonly registry: SessionRegistry;
  readonly coverageTree: CoverageTreeProvider;
  readonly certificationTree: CertificationTreeProvider;
  /** Waits until every queued re-check has been applied. */
  settled(): Promise<void>;
  /** The mermaid source and page HTML of the open traceability panel, if any. */
  traceability(): { source: string; html: string; page: { rendered: number } | { failed: string } | undefined } | undefined;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): ClausemarkApi {
  const diagnostics = vscode.languages.createDiagnosticCollection('clausemark');
  const diagrams = mermaidWorkerPool(context.asAbsolutePath('dist/media/mermaid.min.js'), context.asAbsolutePath('dist/mermaidWorker.cjs'), 1);
  const registry = new SessionRegistry(diagnostics, diagrams);
  const coverageTree = new CoverageTreeProvider(registry);
  const certificationTree = new CertificationTreeProvider(certificationSource(registry), registry.onDidChange);
  context.subscriptions.push(
    { dispose: () => void diagrams.dispose() },
    diagnostics,
    registry,
    new CoverageStatusBar(registry),
    vscode.window.createTreeView('clausemark.coverage', { treeDataProvider: coverageTree, showCollapseAll: true }),
    vscode.window.createTreeView('clausemark.certification', { treeDataProvider: certificationTree, showCollapseAll: true }),
    vscode.languages.registerHoverProvider(MARKDOWN, new ClausemarkHoverProvider(registry)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new ClausemarkCompletionProvider(registry), ' ', '.', '-', '/', '['),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new ClausemarkDefinitionProvider(registry)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new ClausemarkReferenceProvider(registry)),
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, new ClausemarkDocumentLinkProvider(registry)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new ClausemarkCodeLensProvider(registry)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new ClausemarkCodeActionProvider(registry), { providedCodeActionKinds: ClausemarkCodeActionProvider.kinds }),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateEditorContext(registry, editor)),
    registry.onDidChange(() => updateEditorContext(registry, vscode.window.activeTextEditor)),
  );
  registerCommands(context, registry, coverageTree);
  // Reading the SMS happens in the background: activation returns at once and typing is never blocked.
  const ready = registry.startAll();
  return {
    ready,
    registry,
    coverageTree,
    certificationTree,
    settled: async () => {
      await ready;
      await Promise.all(registry.all().map((session) => session.settled()));
    },
    traceability: () => {
      const panel = TraceabilityPanel.active;
      return panel ? { source: panel.lastSource, html: panel.panel.webview.html, page: panel.pageState } : undefined;
    },
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}

function updateEditorContext(registry: SessionRegistry, editor: vscode.TextEditor | undefined): void {
  const isSms = editor ? registry.current(editor.document)?.read.document !== undefined : false;
  void vscode.commands.executeCommand('setContext', 'clausemark.isSmsDocument', isSms);
}
