/* global describe, it */
import smoke from './checks.cjs';
import * as vscode from 'vscode';

describe('clausemark smoke (ESM spec, mocha BDD in the extension host)', () => {
  it('imports the vscode API as an ES module', () => {
    if (typeof vscode.commands?.executeCommand !== 'function') throw new Error('vscode API missing');
  });
  for (const [name, fn] of smoke.checks) it(name, fn);
  if (process.env.CLAUSEMARK_SMOKE_FAIL === '1') it(smoke.deliberateFailure[0], smoke.deliberateFailure[1]);
});
