'use strict';
// CommonJS main inside a package.json with "type": "module": VS Code 1.100 picks
// its CommonJS loader for a main ending in .cjs (and ESM for .mjs or type:module + .js).
const vscode = require('vscode');

/** @param {import('vscode').ExtensionContext} context */
function activate(context) {
  console.log(`[clausemark-smoke] activated (module system: ${typeof module === 'object' ? 'CommonJS' : 'ESM'})`);
  context.subscriptions.push(vscode.commands.registerCommand('clausemarkSmoke.hello', (name = 'world') => `hello, ${name} from clausemark-smoke`));
  return { kind: 'clausemark-smoke-api', loadedAs: 'cjs' };
}

function deactivate() {}

module.exports = { activate, deactivate };
