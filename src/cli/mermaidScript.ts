import { createRequire } from 'node:module';

/** Where the installed mermaid browser build is; the CLI validates diagrams with it. */
export function mermaidScriptPath(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

/** The compiled worker that validates diagrams off the main thread. */
export function mermaidWorkerScript(): URL {
  return new URL('../core/diagrams/mermaidWorker.js', import.meta.url);
}
