import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clausemark, tempRepository } from '../support/cliRunner.js';

const PRELOAD = resolve('test/support/noNetwork.mjs');
const EXAMPLE = resolve('examples/acme-msp');

describe('no network', function () {
  this.timeout(300_000);

  it('the preload really blocks the network (so the test below could fail)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-net-'));
    try {
      const log = join(folder, 'attempts.log');
      const probe = clausemark([], process.cwd(), {
        command: [
          process.execPath,
          '--import',
          PRELOAD,
          '-e',
          "for (const attempt of [() => fetch('https://example.com'), () => require('node:dns').lookup('example.com', () => {}), () => require('node:https').get('https://example.com')]) try { attempt(); } catch {} process.exit(3);",
          '--',
        ],
        env: { CLAUSEMARK_NETWORK_LOG: log },
      });
      assert.equal(probe.status, 3, probe.stderr);
      assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), ['fetch', 'node:dns.lookup', 'node:https.get']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('every command completes with the network blocked, and none tries it (evidence URLs, custom catalog URLs included)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-net-'));
    const repository = tempRepository({
      'clausemark.json': JSON.stringify({ catalog: 'https://example.com/catalog.json' }),
      'sms/p.md': '---\nid: P\ntitle: t\ntype: process\nclauses: [8.6.1]\nevidence:\n  - url: https://example.com/evidence\n---\n',
    });
    try {
      const log = join(folder, 'attempts.log');
      const run = (args: string[], cwd = EXAMPLE): number | null =>
        clausemark(
          [...args, '--today', '2026-11-21'].filter((arg) => arg !== ''),
          cwd,
          { nodeArgs: ['--import', PRELOAD], env: { CLAUSEMARK_NETWORK_LOG: log }, timeoutMs: 120_000 },
        ).status;
      for (const format of ['text', 'json', 'sarif', 'github', 'markdown', 'junit']) assert.equal(run(['check', '--no-cache', '--format', format]), 1, format);
      for (const format of ['markdown', 'json', 'csv', 'html']) assert.equal(run(['coverage', '--no-cache', '--format', format]), 0, format);
      assert.equal(run(['check', '--no-cache'], repository), 2, 'a catalog URL is refused, not fetched');
      assert.ok(existsSync(log), 'the preload ran');
      assert.equal(readFileSync(log, 'utf8'), '', 'no network call was attempted');
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(repository, { recursive: true, force: true });
    }
  });
});
