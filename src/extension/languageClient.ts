import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { settingsFor } from './settings.js';

/**
 * The client of Clausemark's language server: the server (dist/server.cjs) runs in a process of its own, so
 * reading a large SMS never competes with the extension host. If it crashes, the client starts it again and
 * re-sends the open documents; the server then reads the folders afresh.
 */
export function clausemarkClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'clausemark' },
    diagnosticCollectionName: 'clausemark',
    middleware: {
      workspace: {
        // Only the settings the user set (and, in Restricted Mode, no workspace catalog): see settings.ts.
        configuration: (params) =>
          params.items.map((item) => (item.section === 'clausemark' ? settingsFor(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null)),
      },
    },
  };
  return new LanguageClient('clausemark', 'Clausemark', serverOptions, clientOptions);
}
