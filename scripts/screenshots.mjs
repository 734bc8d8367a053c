// Takes the README's screenshots of the extension (media/*.png) in a real VS Code: code-server and
// headless Chromium (scripts/vscode-offline/), on a fresh copy of the example SMS. Run `npm run screenshots`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The example as git tracks it, never what an earlier command left in it (`npm run screenshots` builds first).
import { copyExample } from '../out/test/support/exampleCopy.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The folder's name shows in the workbench: keep the example's.
const temp = mkdtempSync(join(tmpdir(), 'clausemark-screenshots-'));
const workspace = join(temp, 'acme-msp');
copyExample(workspace);

// The hovers use emoji for coverage status; without a colour emoji font Chromium draws empty boxes.
const fonts = spawnSync('fc-list', [':charset=2705'], { encoding: 'utf8' });
if (!fonts.stdout?.trim()) console.warn('screenshots: no emoji font found; hovers will show boxes (Debian: apt-get install fonts-noto-color-emoji)');

let status;
try {
  const install = spawnSync('bash', [join(root, 'scripts/vscode-offline/install.sh')], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 2);
  status = spawnSync(process.execPath, [
    join(root, 'scripts/vscode-offline/run-tests.mjs'),
    '--extension-path', root,
    '--tests-path', join(root, 'out', 'test', 'vscode', 'screenshots.cjs'),
    '--workspace', workspace,
    '--screenshot-dir', join(root, 'media'),
    '--viewport', '1400x850',
    '--timeout-ms', '300000',
  ], { stdio: 'inherit' }).status ?? 2;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(status);
