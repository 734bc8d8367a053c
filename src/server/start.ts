// The process entry of the language server (bin/clausemark-language-server.js and the bundle dist/server.cjs).
import { main } from './main.js';

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
