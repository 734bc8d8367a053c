#!/usr/bin/env node
// Regenerates the README's rule reference (table and per-rule sections) from the rule files in src/core/rules.
// Run through `npm run docs:rules`, which compiles the core first. `--check` only reports whether README is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../out/src/core/rules/registry.js';
import { withRuleReference } from '../out/src/core/rules/ruleReference.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withRuleReference(readme, RULES);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the rule reference is stale; run `npm run docs:rules`.');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md: rule reference regenerated.');
} else {
  console.log('README.md: rule reference already current.');
}
