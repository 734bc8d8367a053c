// A plain LSP client for tests: spawns the real server over stdio and records what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The server as a user installs it: the package's bin, over the compiled tree (from `test/support/` or `out/test/support/`). */
export const SERVER_BIN =
  [join(HERE, '..', '..'), join(HERE, '..', '..', '..')].map((folder) => join(folder, 'bin', 'clausemark-language-server.js')).find((bin) => existsSync(bin)) ??
  'bin/clausemark-language-server.js';

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics, in order of arrival. */
  readonly published: PublishDiagnosticsParams[];
  /** Resolves with the first publication (already received or still to come) that satisfies `matches`. */
  diagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export const fileUri = (path: string): string => pathToFileURL(path).href;

/**
 * Starts the server on `root` as its only workspace folder; `settings` answers workspace/configuration.
 * `clientWatches: false` is a client that cannot register file watchers (the server then watches the disk).
 */
export async function startServer(root: string, settings: Record<string, unknown> = {}, clientWatches = true): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of waiters) waiter();
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUri(root),
    workspaceFolders: [{ uri: fileUri(root), name: 'example' }],
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: clientWatches },
      },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    published,
    diagnostics(uri, matches, timeoutMs = 30000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = published.find((params) => params.uri === uri && matches(params));
          if (found) {
            waiters.delete(waiter);
            clearTimeout(timer);
            resolve(found);
          }
          return found !== undefined;
        };
        const waiter = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `No matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((params) => params.uri === uri).map((params) => ({ version: params.version, codes: params.diagnostics.map((d) => d.code) })))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
        check();
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
        setTimeout(() => child.kill(), 5000).unref();
      });
      connection.dispose();
    },
  };
}
