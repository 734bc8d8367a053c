'use strict';
// Checks shared by the plain run() index (index.cjs) and the mocha BDD spec (smoke.spec.cjs).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'clausemark.clausemark-smoke';

/** @type {Array<[string, () => Promise<void>]>} */
const checks = [
  [
    'extension with "type": "module" + CommonJS main (.cjs) activates',
    async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} not found`);
      assert.equal(ext.packageJSON.type, 'module');
      assert.equal(ext.packageJSON.main, './extension.cjs');
      const api = await ext.activate();
      assert.equal(ext.isActive, true);
      assert.deepEqual(api, { kind: 'clausemark-smoke-api', loadedAs: 'cjs' });
    },
  ],
  [
    'command clausemarkSmoke.hello is registered and returns a value',
    async () => {
      const all = await vscode.commands.getCommands(true);
      assert.ok(all.includes('clausemarkSmoke.hello'), 'command not registered');
      const result = await vscode.commands.executeCommand('clausemarkSmoke.hello', 'Clausemark');
      assert.equal(result, 'hello, Clausemark from clausemark-smoke');
    },
  ],
  [
    'workspace folder is open and sample.md is readable through the API',
    async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      assert.equal(folders.length, 1, 'expected exactly one workspace folder');
      assert.equal(folders[0].uri.scheme, 'file');
      const files = await vscode.workspace.findFiles('**/*.md');
      const sample = files.find((u) => u.path.endsWith('/sample.md'));
      assert.ok(sample, `sample.md not found; findFiles returned ${files.map(String).join(', ') || 'nothing'}`);
      const doc = await vscode.workspace.openTextDocument(sample);
      assert.equal(doc.languageId, 'markdown');
      assert.match(doc.getText(), /SMOKE-MARKER-42/);
      assert.equal(doc.lineAt(0).text, '---');
    },
  ],
  [
    'diagnostics can be published and read back (vscode.languages.getDiagnostics)',
    async () => {
      const [sample] = await vscode.workspace.findFiles('**/sample.md');
      const collection = vscode.languages.createDiagnosticCollection('clausemark-smoke');
      try {
        const diag = new vscode.Diagnostic(new vscode.Range(6, 0, 6, 10), 'smoke diagnostic', vscode.DiagnosticSeverity.Warning);
        diag.source = 'clausemark';
        diag.code = 'CM-SMOKE';
        collection.set(sample, [diag]);
        const read = vscode.languages.getDiagnostics(sample);
        assert.equal(read.length, 1);
        assert.equal(read[0].message, 'smoke diagnostic');
        assert.equal(read[0].severity, vscode.DiagnosticSeverity.Warning);
        assert.ok(vscode.languages.getDiagnostics().some(([uri]) => uri.toString() === sample.toString()));
      } finally {
        collection.dispose();
      }
    },
  ],
];

const deliberateFailure = [
  'deliberate failure (CLAUSEMARK_SMOKE_FAIL=1 or failing.cjs)',
  async () => {
    assert.equal(1 + 1, 3, 'this check is supposed to fail');
  },
];

module.exports = { checks, deliberateFailure };
