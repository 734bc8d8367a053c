import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

describe('the CI script', () => {
  it("runs the README's two commands in the README's order, so tests cannot depend on what the example run leaves", () => {
    const readme = readFileSync('README.md', 'utf8');
    const readmeCommands = [...readme.matchAll(/^(npm ci && npm (?:run example|test))\b/gm)].map((match) => match[1]!);
    assert.deepEqual(readmeCommands, ['npm ci && npm run example', 'npm ci && npm test']);
    const script = readFileSync('.ci/run', 'utf8');
    assert.match(script, /^set -euo pipefail$/m);
    const ciCommands = script.split('\n').filter((line) => /^npm /.test(line));
    assert.deepEqual(
      ciCommands,
      readmeCommands.map((command) => command.replace('npm ci', 'npm ci --no-audit --no-fund')),
    );
    // System packages (Chromium for the audit-pack test) come first.
    assert.ok(script.indexOf('apt-get install') < script.indexOf(ciCommands[0]!));
  });
});
