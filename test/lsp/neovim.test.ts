import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';
import { copyExample } from '../support/exampleCopy.js';
import { SERVER_BIN } from '../support/languageServerClient.js';

const HERE = dirname(fileURLToPath(import.meta.url));
// The Lua stays beside the test's source (tsc does not copy it to out/).
const SCRIPT =
  [join(HERE, 'neovimSession.lua'), join(HERE, '..', '..', '..', 'test', 'lsp', 'neovimSession.lua')].find((path) => existsSync(path)) ??
  'test/lsp/neovimSession.lua';
const INCIDENT = 'sms/processes/incident-and-request-management.md';

interface NeovimResults {
  error?: string;
  published: { version: number | null; count: number }[];
  diagnostic?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; source: string };
  neovim_diagnostics?: { lnum: number; col: number; end_col: number; message: string; source: string }[];
  hover?: { contents: { kind: string; value: string } } | null;
  completion?: string[];
  actions?: string[];
  fixed_line?: string;
  buffer_version?: number;
  after_fix?: string[];
  after_fix_version?: number;
}

function neovimAvailable(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('Neovim drives the language server (headless, its own LSP client)', function () {
  this.timeout(120000);
  let results: NeovimResults;
  let root: string;

  before(async function () {
    if (!neovimAvailable()) {
      // In CI Neovim is installed (.ci/run): its absence there is a failure, not a reason to skip.
      if (process.env.CI === 'true') throw new Error("nvim is not installed; .ci/run installs Debian's neovim package for this test.");
      this.skip();
    }
    root = mkdtempSync(join(tmpdir(), 'clausemark-nvim-'));
    copyExample(root);
    const out = join(root, '..', `${root.split('/').pop()}-results.json`);
    const child = spawn('nvim', ['--headless', '--clean', '-u', SCRIPT], {
      env: { ...process.env, CLAUSEMARK_NVIM_OUT: out, CLAUSEMARK_ROOT: root, CLAUSEMARK_SERVER: SERVER_BIN, CLAUSEMARK_FILE: join(root, INCIDENT) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 100000);
    await new Promise((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    assert.ok(existsSync(out), `Neovim wrote no results (stderr: ${stderr})`);
    results = JSON.parse(readFileSync(out, 'utf8')) as NeovimResults;
    rmSync(out, { force: true });
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('gets through the whole session without an error', () => {
    assert.equal(results.error, undefined);
  });

  it('receives diagnostics at exact positions', () => {
    assert.deepEqual(results.diagnostic?.range, { start: { line: 27, character: 72 }, end: { line: 27, character: 80 } });
    const shown = results.neovim_diagnostics?.find((item) => item.message.includes('PRC-KNOW'));
    assert.deepEqual(shown && { lnum: shown.lnum, col: shown.col, end_col: shown.end_col, source: shown.source }, {
      lnum: 27,
      col: 72,
      end_col: 80,
      source: 'clausemark',
    });
  });

  it('shows a hover with the clause title', () => {
    const title = builtinCatalog('iso20000-1:2018')?.get('8.6.1')?.title;
    assert.ok(title);
    assert.ok(results.hover?.contents.value.includes(title), JSON.stringify(results.hover));
  });

  it('completes clause ids', () => {
    assert.ok(results.completion?.includes('8.6.3'), JSON.stringify(results.completion?.slice(0, 10)));
  });

  it('applies a quick fix to the buffer, and the server re-checks that version', () => {
    assert.equal(results.fixed_line, 'related: [PRC-PRB, PRC-CHG, AGR-SLA-BWL, AGR-OLA-NET, POL-ISM, PLN-AVC, PRC-INC]');
    assert.equal(results.after_fix_version, results.buffer_version);
    assert.ok(results.after_fix && !results.after_fix.includes('trace.unknown-related'), JSON.stringify(results.after_fix));
  });
});
