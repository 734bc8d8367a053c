import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { mermaidScriptPath, mermaidWorkerScript } from '../cli/mermaidScript.js';
import { startClausemarkServer } from './clausemarkServer.js';
import { mermaidWorkerPool } from '../core/index.js';

const USAGE =
  'Usage: clausemark-language-server --stdio\n\nClausemark as a language server (LSP) over standard input and output, for any editor with an LSP client.\n';

/** Where this file runs from: the bundle (dist/server.cjs, beside its worker and mermaid) or the compiled tree. */
function bundledFiles(): { mermaid: string; worker: string } | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const worker = join(here, 'mermaidWorker.cjs');
  return existsSync(worker) ? { mermaid: join(here, 'media', 'mermaid.min.js'), worker } : undefined;
}

/** Starts the server on the transport the arguments name; answers usage for anything else. */
export function main(argv: readonly string[]): number | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  // vscode-languageclient passes --stdio, --node-ipc or --socket=N; createConnection reads them from argv.
  if (!argv.some((argument) => argument === '--stdio' || argument === '--node-ipc' || argument.startsWith('--socket=') || argument.startsWith('--pipe='))) {
    process.stderr.write(`clausemark-language-server: say how to talk to the editor.\n\n${USAGE}`);
    return 2;
  }
  const bundle = bundledFiles();
  const connection = createConnection(ProposedFeatures.all);
  // Anything written to stdout that is not a message would break the stdio stream: logs go to the client.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  startClausemarkServer(connection, {
    diagrams: () => (bundle ? mermaidWorkerPool(bundle.mermaid, bundle.worker) : mermaidWorkerPool(mermaidScriptPath(), mermaidWorkerScript())),
    // exceljs loads on the first workbook export only.
    workbookWriter: async () => (await import('../core/reports/xlsxWorkbook.js')).renderXlsx,
  });
  return undefined;
}
