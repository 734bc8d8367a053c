// Runs the extension's integration suite in a real VS Code extension host, on a fresh copy of the
// example SMS (the tests edit and create files). Uses @vscode/test-electron where VS Code can be
// downloaded (CLAUSEMARK_VSCODE_RUNNER=electron), and code-server + headless Chromium otherwise (the
// default, and what CI uses here: these machines cannot download VS Code).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The example as git tracks it, never what an earlier command left in it (built by `npm test` before this runs).
import { copyExample } from '../out/test/support/exampleCopy.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = mkdtempSync(join(tmpdir(), 'clausemark-vscode-'));
copyExample(workspace);
const testsPath = join(root, 'out', 'test', 'vscode', 'index.cjs');
// CLAUSEMARK_VSIX=path: test the packaged extension, installed from the .vsix, instead of this folder.
const vsix = process.env.CLAUSEMARK_VSIX;
const screenshot = process.env.CLAUSEMARK_SCREENSHOT;

// A second, multi-root workspace: the example beside a small SMS with a config of its own.
const multiRoot = mkdtempSync(join(tmpdir(), 'clausemark-multiroot-'));
copyExample(join(multiRoot, 'acme-msp'));
cpSync(join(root, 'test', 'vscode', 'fixtures', 'second-sms'), join(multiRoot, 'second-sms'), { recursive: true });
writeFileSync(join(multiRoot, 'sms.code-workspace'), JSON.stringify({ folders: [{ path: 'acme-msp' }, { path: 'second-sms' }] }));

let status;
try {
  if (process.env.CLAUSEMARK_VSCODE_RUNNER === 'electron') {
    const { runTests } = await import('@vscode/test-electron');
    status = await runTests({ extensionDevelopmentPath: root, extensionTestsPath: testsPath, launchArgs: [workspace, '--disable-extensions'] }).then(() => 0, (error) => {
      console.error(error);
      return 1;
    });
  } else {
    const install = spawnSync('bash', [join(root, 'scripts/vscode-offline/install.sh')], { stdio: 'inherit' });
    if (install.status !== 0) process.exit(install.status ?? 2);
    const extensionPath = vsix ? join(root, 'test', 'vscode-smoke') : root;
    const args = [join(root, 'scripts/vscode-offline/run-tests.mjs'), '--extension-path', extensionPath, '--tests-path', testsPath, '--workspace', workspace, '--timeout-ms', '600000'];
    if (vsix) args.push('--install-vsix', vsix);
    if (screenshot) args.push('--screenshot', screenshot);
    const env = { ...process.env, CLAUSEMARK_SUITE_LABEL: vsix ? 'packaged' : 'integration' };
    status = spawnSync(process.execPath, args, { stdio: 'inherit', env }).status ?? 2;
    if (status === 0 && !vsix && !process.env.CLAUSEMARK_TEST_GREP) {
      const multiRootArgs = [join(root, 'scripts/vscode-offline/run-tests.mjs'), '--extension-path', root, '--tests-path', join(root, 'out', 'test', 'vscode', 'multiRoot.cjs'), '--workspace', multiRoot, '--workspace-file', join(multiRoot, 'sms.code-workspace'), '--timeout-ms', '300000'];
      status = spawnSync(process.execPath, multiRootArgs, { stdio: 'inherit', env: { ...process.env, CLAUSEMARK_SUITE_LABEL: 'multiroot' } }).status ?? 2;
    }
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(multiRoot, { recursive: true, force: true });
}
process.exit(status);
