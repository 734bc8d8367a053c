'use strict';
// Test index for the offline runner and @vscode/test-electron alike: exports run().
// Runs the checks directly with node:assert (no test framework needed).
// CLAUSEMARK_SMOKE_FAIL=1 in the runner's environment adds a deliberately failing check.
const { checks, deliberateFailure } = require('./checks.cjs');

async function runChecks({ fail = false } = {}) {
  const list = fail ? [...checks, deliberateFailure] : checks;
  const failures = [];
  for (const [name, fn] of list) {
    try {
      await fn();
      console.log(`  ✓ ${name}`);
    } catch (err) {
      failures.push(name);
      console.error(`  ✗ ${name}\n${(err && err.stack) || err}`);
    }
  }
  console.log(`${list.length - failures.length} passing, ${failures.length} failing`);
  if (failures.length) throw new Error(`${failures.length} smoke check(s) failed: ${failures.join('; ')}`);
}

// VS Code calls run(testsRoot, callback); returning a promise is the modern contract.
function run() {
  return runChecks({ fail: process.env.CLAUSEMARK_SMOKE_FAIL === '1' });
}

module.exports = { run, runChecks };
