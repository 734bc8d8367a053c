// Bundles the VS Code extension (and its integration-test suite) with esbuild. The core is ESM with
// ESM-only dependencies; VS Code loads extensions as CommonJS, so the bundle is a single .cjs file.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// ESM dependencies (fdir, under tinyglobby) read import.meta.url, which CommonJS lacks: derive it from __filename.
const common = {
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { 'import.meta.url': '__clausemarkImportMetaUrl' },
  banner: { js: "const __clausemarkImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'], minify: true });
// The language server runs in a process of its own; the extension starts it, other editors run the package's bin.
await build({ ...common, entryPoints: ['src/server/start.ts'], outfile: 'dist/server.cjs', minify: true });
// The workbook writer (exceljs and its zip libraries, about 1 MB) loads only when a workbook is exported.
await build({ ...common, entryPoints: ['src/core/reports/xlsxWorkbook.ts'], outfile: 'dist/xlsxWorkbook.cjs', minify: true });
// Diagrams are parsed in a worker thread, so the extension host stays responsive.
await build({ ...common, entryPoints: ['src/core/diagrams/mermaidWorker.ts'], outfile: 'dist/mermaidWorker.cjs', minify: true });

// One mermaid for the webview, the Markdown preview and the diagram check: its browser build, shipped locally.
mkdirSync(join(root, 'dist/media'), { recursive: true });
copyFileSync(require.resolve('mermaid/dist/mermaid.min.js'), join(root, 'dist/media/mermaid.min.js'));

// The integration tests run inside the extension host; mocha comes from node_modules at run time.
await build({ ...common, entryPoints: ['test/vscode/index.ts'], outfile: 'out/test/vscode/index.cjs', external: ['vscode', 'mocha'] });
await build({ ...common, entryPoints: ['test/vscode/multiRoot.ts'], outfile: 'out/test/vscode/multiRoot.cjs', external: ['vscode', 'mocha'] });

// The README's screenshots are taken by a suite of its own (scripts/screenshots.mjs).
await build({ ...common, entryPoints: ['test/vscode/screenshots.ts'], outfile: 'out/test/vscode/screenshots.cjs', external: ['vscode'] });
