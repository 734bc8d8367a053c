// The process entry of the language server (bin/clausemark-language-server.js and the bundle dist/server.cjs).
import { compactHeap } from '../core/index.js';
import { main } from './main.js';

// The index of a large SMS lives as long as the editor: keep the heap near it (see compactHeap).
compactHeap();

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
