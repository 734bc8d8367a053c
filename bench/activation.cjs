// Times the extension's activation outside VS Code: loading dist/extension.cjs and running activate(),
// with a stand-in `vscode` module that accepts every call (an editor with no folder open). One process per
// measurement, so module loading is included. Prints milliseconds as JSON.
'use strict';
const Module = require('node:module');
const path = require('node:path');

function stub(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise
      if (property === Symbol.toPrimitive) return () => name;
      if (property === Symbol.iterator) return function* () {};
      return stub(`${name}.${String(property)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
    set: () => true, // the extension sets fields (statusBarItem.text, diagnostic.code…)
  });
}
const vscode = stub('vscode');
const workspace = new Proxy({}, { get: (_t, p) => (p === 'workspaceFolders' ? undefined : p === 'textDocuments' ? [] : vscode.workspace[p]) });
// The bundle's ES-module interop copies the module's own properties, so the API names must be real keys.
const API = ['languages', 'window', 'workspace', 'commands', 'extensions', 'env', 'Uri', 'Range', 'Position', 'Diagnostic',
  'DiagnosticSeverity', 'DiagnosticRelatedInformation', 'DiagnosticTag', 'Location', 'EventEmitter', 'ThemeIcon', 'ThemeColor',
  'TreeItem', 'TreeItemCollapsibleState', 'MarkdownString', 'Hover', 'CompletionItem', 'CompletionItemKind', 'CompletionList',
  'DocumentLink', 'CodeLens', 'CodeAction', 'CodeActionKind', 'WorkspaceEdit', 'StatusBarAlignment', 'ProgressLocation',
  'ViewColumn', 'RelativePattern', 'Disposable', 'SnippetString', 'Selection',
  // vscode-languageclient's classes extend these, and its features read them at load time.
  'CallHierarchyIncomingCall', 'CallHierarchyItem', 'CallHierarchyOutgoingCall', 'CancellationError', 'CancellationToken', 'CancellationTokenSource', 'CodeActionContext', 'CodeActionTriggerKind', 'Color', 'ColorInformation', 'ColorPresentation', 'Command', 'CompletionContext', 'CompletionItemLabel', 'CompletionItemTag', 'CompletionTriggerKind', 'Declaration', 'Definition', 'DefinitionLink', 'DocumentHighlight', 'DocumentHighlightKind', 'DocumentRangeSemanticTokensProvider', 'DocumentSelector', 'DocumentSemanticTokensProvider', 'DocumentSymbol', 'Event', 'FileCreateEvent', 'FileDeleteEvent', 'FileRenameEvent', 'FileType', 'FileWillCreateEvent', 'FileWillDeleteEvent', 'FileWillRenameEvent', 'FoldingRange', 'FoldingRangeKind', 'FormattingOptions', 'GlobPattern', 'InlayHint', 'InlayHintKind', 'InlayHintLabelPart', 'InlineCompletionContext', 'InlineCompletionItem', 'InlineCompletionList', 'InlineValue', 'InlineValueContext', 'InlineValueEvaluatableExpression', 'InlineValueText', 'InlineValueVariableLookup', 'LinkedEditingRangeProvider', 'LinkedEditingRanges', 'LocationLink', 'NotebookCell', 'NotebookCellKind', 'NotebookDocument', 'ParameterInformation', 'ProviderResult', 'SelectionRange', 'SemanticTokens', 'SemanticTokensEdit', 'SemanticTokensEdits', 'SemanticTokensLegend', 'SignatureHelp', 'SignatureHelpContext', 'SignatureHelpTriggerKind', 'SignatureInformation', 'SymbolInformation', 'SymbolKind', 'SymbolTag', 'TabInputCustom', 'TabInputText', 'TabInputTextDiff', 'TextDocument', 'TextDocumentChangeEvent', 'TextDocumentSaveReason', 'TextDocumentWillSaveEvent', 'TextEdit', 'TypeHierarchyItem', 'l10n', 'version'];
const fake = Object.fromEntries(API.map((name) => [name, name === 'workspace' ? workspace : name === 'version' ? '1.90.0' : vscode[name]]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake };

const root = path.join(__dirname, '..');
const context = { subscriptions: [], extensionUri: stub('extensionUri'), asAbsolutePath: (relative) => path.join(root, relative) };
const started = process.hrtime.bigint();
let loaded;
let activated;
try {
  const extension = require(path.join(root, 'dist', 'extension.cjs'));
  loaded = process.hrtime.bigint();
  extension.activate(context);
  activated = process.hrtime.bigint();
} catch (error) {
  process.stderr.write(`activation failed: ${String(error && error.message).slice(0, 300)}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ loadMs: Number(loaded - started) / 1e6, activateMs: Number(activated - loaded) / 1e6, totalMs: Number(activated - started) / 1e6 }));
// The language client has started its server in a child process by now; the measurement is done.
process.exit(0);
