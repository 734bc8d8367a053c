// The whole test suite: lint (ESLint and Prettier), unit tests (mocha, plain Node), the integration tests inside a real VS Code extension
// host, and the same suite against the extension installed from its .vsix. Each part prints
// "N passed, N failed"; this adds them up in one closing line.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUMMARY = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

function run(label, command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let counts;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = SUMMARY.exec(line);
        // A part may run several suites (integration, then multi-root): add up each one's line.
        if (match) {
          counts ??= { passed: 0, failed: 0, skipped: 0 };
          counts.passed += Number(match[1]);
          counts.failed += Number(match[2]);
          counts.skipped += Number(match[3] ?? 0);
        }
      }
    });
    child.on('close', (code) => resolve({ label, code: code ?? 1, counts }));
  });
}

/** A part that prints no counts of its own (lint): one check, passed or failed by its exit code. */
function check(label, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const ok = result.status === 0;
  console.log(`${label}: ${ok ? 'passed' : 'FAILED'}`);
  return { label, code: result.status ?? 1, counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 } };
}

const vsix = join(root, 'clausemark.vsix');
const parts = [
  // Lint first: a lint error fails the run like a failing test.
  check('lint', 'npm', ['run', '--silent', 'lint']),
  await run('unit', process.execPath, [join(root, 'node_modules/mocha/bin/mocha.js')]),
  await run('integration', process.execPath, [join(root, 'scripts/run-vscode-tests.mjs')]),
];
// The same suite against the packaged extension, installed from the .vsix: proves the package is complete.
const packaged = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--baseImagesUrl', 'https://github.com/clausemark/clausemark/raw/main/', '--out', vsix], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_yes: 'true' } });
parts.push(packaged.status === 0
  ? await run('packaged', process.execPath, [join(root, 'scripts/run-vscode-tests.mjs')], { ...process.env, CLAUSEMARK_VSIX: vsix })
  : { label: 'packaging', code: packaged.status ?? 1, counts: undefined });
let passed = 0;
let failed = 0;
let skipped = 0;
for (const part of parts) {
  if (!part.counts) {
    console.error(`${part.label} tests did not run to the end (exit code ${part.code})`);
    failed += 1;
    continue;
  }
  passed += part.counts.passed;
  failed += part.counts.failed + (part.code !== 0 && part.counts.failed === 0 ? 1 : 0);
  skipped += part.counts.skipped;
}
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
