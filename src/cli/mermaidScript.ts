import { createRequire } from 'node:module';

/** Where the installed mermaid browser build is; the CLI validates diagrams with it. */
export function mermaidScriptPath(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}
