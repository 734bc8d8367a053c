#!/usr/bin/env node
// Runs a VS Code extension test suite (a module exporting run(), as for
// @vscode/test-electron) inside a real VS Code 1.100 extension host provided by
// code-server, driven by headless Chromium through playwright-core.
// Everything comes from .cache/vscode-offline/ (see install.sh); nothing is downloaded.
//
// Exit codes: 0 suite passed, 1 suite failed, 2 infrastructure error / timeout,
// 130/143 interrupted by SIGINT/SIGTERM.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const CS_VERSION = '4.100.3';
const CHROMIUM = process.env.CLAUSEMARK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
const TAG = '[vscode-offline]';

const USAGE = `Usage: node scripts/vscode-offline/run-tests.mjs --extension-path <abs dir> --tests-path <abs test index module>
         --workspace <abs folder> [--timeout-ms 180000] [--screenshot <png>] [--verbose] [--keep-temp]
         [--cache-dir <abs dir>] [--screenshot-dir <dir>] [--viewport 1400x900]

  --extension-path  folder with the extension's package.json (extensionDevelopmentPath)
  --tests-path      compiled test index module exporting run() (extensionTestsPath)
  --workspace       folder opened in the workbench
  --workspace-file  a .code-workspace file to open instead (multi-root); --workspace is then its folder
  --timeout-ms      overall limit incl. startup (default 180000); exceeded => exit 2
  --screenshot      save a PNG of the workbench after the suite finished
  --verbose         also print workbench console noise and code-server output
  --keep-temp       keep the temporary user-data/extensions dirs
  --cache-dir       install folder (default .cache/vscode-offline, or $CLAUSEMARK_VSCODE_CACHE)
  --screenshot-dir  capture on demand: when the suite logs "CLAUSEMARK_SCREENSHOT <name>", save the
                    workbench as <dir>/<name>.png (written whole, by rename, so its appearance is the
                    acknowledgement); the extension host gets the folder as $CLAUSEMARK_SCREENSHOT_DIR
  --viewport        browser viewport, WIDTHxHEIGHT (default 1400x900)
  --install-vsix    install this .vsix into the run's fresh extensions folder first, so the suite tests the
                    packaged extension (pair it with a stub --extension-path)`;

const log = (msg) => process.stderr.write(`${TAG} ${msg}\n`);

class InfraError extends Error {}

// ------------------------------------------------------------------ arguments
let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      'extension-path': { type: 'string' },
      'tests-path': { type: 'string' },
      workspace: { type: 'string' },
      'workspace-file': { type: 'string' },
      'timeout-ms': { type: 'string', default: '180000' },
      screenshot: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'keep-temp': { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      'screenshot-dir': { type: 'string' },
      viewport: { type: 'string', default: '1400x900' },
      'install-vsix': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  log(`error: ${err.message}\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function usageError(msg) {
  log(`error: ${msg}\n${USAGE}`);
  process.exit(2);
}
function absExisting(name, kind) {
  const v = opts[name];
  if (!v) usageError(`--${name} is required`);
  if (!path.isAbsolute(v)) usageError(`--${name} must be an absolute path: ${v}`);
  if (!existsSync(v)) usageError(`--${name} does not exist: ${v}`);
  const isDir = statSync(v).isDirectory();
  if (kind === 'dir' && !isDir) usageError(`--${name} must be a directory: ${v}`);
  if (kind === 'file' && isDir) usageError(`--${name} must be a file: ${v}`);
  return path.resolve(v);
}
const extensionPath = absExisting('extension-path', 'dir');
const testsPath = absExisting('tests-path', 'file');
const workspace = absExisting('workspace', 'dir');
const timeoutMs = Number(opts['timeout-ms']);
if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) usageError(`--timeout-ms must be a positive number`);
if (!existsSync(path.join(extensionPath, 'package.json'))) usageError(`no package.json in --extension-path ${extensionPath}`);
const screenshot = opts.screenshot ? path.resolve(opts.screenshot) : undefined;
const verbose = opts.verbose;
const screenshotDir = opts['screenshot-dir'] ? path.resolve(opts['screenshot-dir']) : undefined;
const viewportMatch = /^(\d+)x(\d+)$/.exec(opts.viewport);
if (!viewportMatch) usageError(`--viewport must look like 1400x900: ${opts.viewport}`);
const viewport = { width: Number(viewportMatch[1]), height: Number(viewportMatch[2]) };

const cacheDir = path.resolve(opts['cache-dir'] || process.env.CLAUSEMARK_VSCODE_CACHE || path.join(REPO_ROOT, '.cache/vscode-offline'));
const csEntry = path.join(cacheDir, 'node_modules/code-server/out/node/entry.js');
if (!existsSync(path.join(cacheDir, `.installed-${CS_VERSION}`)) || !existsSync(csEntry)) {
  log(`error: code-server ${CS_VERSION} is not installed in ${cacheDir}; run: bash scripts/vscode-offline/install.sh`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  log(`error: ${CHROMIUM} not found; run: bash scripts/vscode-offline/install.sh`);
  process.exit(2);
}

// ------------------------------------------------------------------ state + cleanup
const started = Date.now();
const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'clausemark-vscode-'));
let server;        // code-server child process (own process group)
let browser;       // playwright Browser
let serverTail = []; // last lines of code-server output, shown on infra errors
let cleaningUp;
let deadline;      // overall timeout timer

function killServerGroup(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try { process.kill(-server.pid, signal); } catch { try { server.kill(signal); } catch { /* gone */ } }
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), delay(5000)]);
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      killServerGroup('SIGTERM');
      await Promise.race([exited, delay(3000)]);
      killServerGroup('SIGKILL'); // extension host / pty host / watcher children too
    }
    if (!opts['keep-temp']) {
      try { rmSync(tmpRoot, { recursive: true, force: true }); } catch { /* ignore */ }
    } else {
      log(`kept temp dir ${tmpRoot}`);
    }
  })();
  return cleaningUp;
}

let exiting = false;
async function finish(code, message) {
  if (exiting) return;
  exiting = true;
  clearTimeout(deadline);
  if (message) log(message);
  if (code !== 0 && code !== 1) await takeScreenshot(); // timeout / infra error: what was on screen?
  await Promise.race([cleanup(), delay(10000)]);
  log(`exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exit(code);
}

// Last resort if the process dies without running finish(): never leave code-server behind.
process.on('exit', () => {
  killServerGroup('SIGKILL');
  if (!opts['keep-temp']) { try { rmSync(tmpRoot, { recursive: true, force: true }); } catch { /* ignore */ } }
});
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(sig, () => finish(code, `received ${sig}, shutting down code-server and the browser`));
}
process.on('uncaughtException', (err) => finish(2, `infrastructure error: ${err?.stack || err}`));
process.on('unhandledRejection', (err) => finish(2, `infrastructure error: ${err?.stack || err}`));

deadline = setTimeout(() => {
  dumpServerTail();
  finish(2, `TIMEOUT: the test suite did not report an exit code within ${timeoutMs} ms ` +
    `(--timeout-ms). A test may hang, or the extension host never started.`);
}, timeoutMs);

function delay(ms) { return new Promise((r) => setTimeout(r, ms).unref()); }

function dumpServerTail() {
  if (!serverTail.length) return;
  log('last code-server output:');
  for (const l of serverTail) process.stderr.write(`    ${l}\n`);
}

// ------------------------------------------------------------------ helpers
let page;            // playwright Page, once opened
let screenshotDone = false;
async function takeScreenshot() {
  if (!screenshot || screenshotDone || !page) return;
  screenshotDone = true;
  try {
    mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, timeout: 10000 });
    log(`screenshot saved to ${screenshot}`);
  } catch (err) {
    log(`warning: screenshot failed: ${err.message.split('\n')[0]}`);
  }
}

// On-demand captures (--screenshot-dir): the suite names the picture, the runner takes it.
const SCREENSHOT_REQUEST_RE = /^CLAUSEMARK_SCREENSHOT ([\w.-]+)$/;
async function takeRequestedScreenshot(name) {
  const target = path.join(screenshotDir, `${name}.png`);
  try {
    mkdirSync(screenshotDir, { recursive: true });
    const png = await page.screenshot({ type: 'png', timeout: 10000 });
    writeFileSync(`${target}.partial`, png);
    renameSync(`${target}.partial`, target); // the suite waits for the whole file to appear
    log(`screenshot saved to ${target}`);
  } catch (err) {
    log(`warning: screenshot ${name} failed: ${err.message.split('\n')[0]}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, limitMs) {
  const until = Date.now() + limitMs;
  let lastErr;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new InfraError(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastErr = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastErr = err;
    }
    await delay(200);
  }
  throw new InfraError(`code-server did not answer at ${url} within ${limitMs} ms (${lastErr?.message})`);
}

function startServer(port) {
  const userData = path.join(tmpRoot, 'user-data');
  const extensions = path.join(tmpRoot, 'extensions');
  const xdg = path.join(tmpRoot, 'xdg');
  for (const d of [userData, extensions, xdg]) mkdirSync(d, { recursive: true });
  // Quiet, offline-friendly defaults for the throwaway profile.
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'git.openRepositoryInParentFolders': 'never',
  }, null, 2));
  const config = path.join(tmpRoot, 'config.yaml');
  writeFileSync(config, ''); // otherwise code-server writes ~/.config/code-server/config.yaml
  if (opts['install-vsix']) {
    const vsix = path.resolve(opts['install-vsix']);
    if (!existsSync(vsix)) throw new Error(`--install-vsix: no such file ${vsix}`);
    const installed = spawnSync(process.execPath, [csEntry, '--config', config, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], {
      env: { ...process.env, XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CACHE_HOME: path.join(xdg, 'cache'), EXTENSIONS_GALLERY: '{}' },
      encoding: 'utf8',
      timeout: 120000,
    });
    if (installed.status !== 0) throw new Error(`installing ${vsix} failed: ${installed.stderr || installed.stdout}`);
    log(`installed ${path.basename(vsix)} into the run's extensions folder`);
  }
  const args = [
    csEntry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    workspace,
  ];
  const env = { ...process.env, XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CACHE_HOME: path.join(xdg, 'cache') };
  // No marketplace: an empty gallery config stops the workbench querying open-vsx.org (offline anyway).
  env.EXTENSIONS_GALLERY ??= '{}';
  if (screenshotDir) env.CLAUSEMARK_SCREENSHOT_DIR = screenshotDir; // inherited by the extension host
  delete env.VSCODE_IPC_HOOK_CLI; // if run from a VS Code terminal, don't talk to that instance
  const child = spawn(process.execPath, args, {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so cleanup can kill the extension host etc. too
  });
  const onData = (buf) => {
    for (const line of buf.toString().split(/\r?\n/)) {
      if (!line.trim()) continue;
      serverTail.push(line);
      if (serverTail.length > 40) serverTail.shift();
      if (verbose) process.stderr.write(`[code-server] ${line}\n`);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => {
    if (!exiting) {
      dumpServerTail();
      finish(2, `infrastructure error: code-server exited unexpectedly (code ${code}, signal ${signal})`);
    }
  });
  return child;
}

// Extension-host console calls arrive in the page console (see Gms() in VS Code's
// workbench.js, remote console forwarding) as
//   console[sev]("%c[Extension Host] %c" + firstArg, css1, css2, ...rest)   string first arg
//   console[sev]("%c[Extension Host]%", css1, ...args)                      anything else / no args
// util.format consumes the %c/CSS pairs and applies %s/%d/%o like Node's console.
const EXT_HOST_RE = /^%c\[Extension Host\]/;
async function formatConsole(msg) {
  const text = msg.text();
  if (!EXT_HOST_RE.test(text)) return { fromExtHost: false, text };
  let args;
  try {
    args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '[unserializable]')));
  } catch { /* page gone */ }
  let out;
  if (args && args[0] === '%c[Extension Host]%') {
    out = args.length > 2 ? format(...args.slice(2)) : '';
  } else if (args && typeof args[0] === 'string' && EXT_HOST_RE.test(args[0])) {
    out = format(...args).replace(/^\[Extension Host\] /, '');
  } else {
    out = text.replace(/^%c\[Extension Host\] ?%?/, '').replace(/%c/g, '');
  }
  return { fromExtHost: true, text: out };
}

// ------------------------------------------------------------------ main

async function main() {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  log(`starting code-server ${CS_VERSION} on ${origin} (workspace ${workspace})`);
  server = startServer(port);
  await waitForServer(`${origin}/healthz`, server, Math.min(60000, timeoutMs));
  log(`code-server is up after ${((Date.now() - started) / 1000).toFixed(1)}s; launching ${CHROMIUM}`);

  const require = createRequire(path.join(cacheDir, 'package.json'));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (err) {
    throw new InfraError(`cannot load playwright-core from ${cacheDir}: ${err.message}; run install.sh`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60000,
    // our own handlers close the browser *and* code-server; playwright's would exit first
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // keep Chromium's crashpad/dconf/cache dirs out of $HOME
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(tmpRoot, 'xdg', 'browser-config'),
      XDG_CACHE_HOME: path.join(tmpRoot, 'xdg', 'browser-cache'),
    },
  });
  const context = await browser.newContext({ viewport });
  page = await context.newPage();

  let resolveExit;
  const suiteDone = new Promise((r) => { resolveExit = r; });
  // The workbench calls codeAutomationExit(code, logs) when run() settles: 0 resolved, 1 rejected.
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : Number(code) || 0);
  });

  // Formatting is async (argument values are fetched from the page); print strictly in arrival order.
  let printed = Promise.resolve();
  page.on('console', (msg) => {
    const formatted = formatConsole(msg).catch(() => ({ fromExtHost: false, text: msg.text() }));
    printed = printed.then(() => formatted).then(({ fromExtHost, text }) => {
      const request = fromExtHost && screenshotDir ? SCREENSHOT_REQUEST_RE.exec(text.trim()) : null;
      if (request) {
        return takeRequestedScreenshot(request[1]);
      } else if (fromExtHost) {
        process.stdout.write(`${text}\n`);
      } else if (verbose) {
        process.stderr.write(`[workbench ${msg.type()}] ${text}\n`);
      }
    });
  });
  page.on('pageerror', (err) => { if (verbose) process.stderr.write(`[workbench pageerror] ${err.message}\n`); });
  page.on('crash', () => finish(2, 'infrastructure error: the workbench page crashed'));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    // Any debugId switches the workbench out of "tests from CLI" console mode, in which
    // extension-host console output is mixed, unlabelled, into the workbench's own log
    // lines. With it, every extension-host console call arrives as
    // "%c[Extension Host] %c<text>", so it can be forwarded exactly and the rest filtered.
    // (Without a debug port nothing attaches; the suite and codeAutomationExit are unchanged.)
    ['debugId', 'clausemark-offline-runner'],
  ];
  const opened = opts['workspace-file'] ? `workspace=${encodeURIComponent(path.resolve(opts['workspace-file']))}` : `folder=${encodeURIComponent(workspace)}`;
  const url = `${origin}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (verbose) log(`opening ${url}`);
  const shown = path.relative(process.cwd(), testsPath);
  log(`running ${shown && !shown.startsWith('..') ? shown : testsPath} in the extension host`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

  const code = await suiteDone;
  await Promise.race([printed, delay(2000)]);

  await takeScreenshot();
  await finish(code, code === 0 ? 'test suite PASSED' : `test suite FAILED (exit code ${code})`);
}

main().catch((err) => {
  dumpServerTail();
  finish(2, `infrastructure error: ${err instanceof InfraError ? err.message : err?.stack || err}`);
});
