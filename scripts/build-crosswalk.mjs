#!/usr/bin/env node
// Builds the built-in crosswalk schemas/crosswalk-iso20000-1-2018.json from the shared reference
// (../shared/reference/crosswalk-20000-1-2018.json): for every ISO/IEC 20000-1:2018 clause, its counterparts in
// ISO/IEC 27001:2022 and ISO 9001:2015 with the relation the reference gives each target (equivalent or partial).
// Only ids and relations are copied; no titles, notes or text of any standard.
//
// Usage: node scripts/build-crosswalk.mjs [path/to/crosswalk-20000-1-2018.json]

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referencePath = process.argv[2] ? resolve(process.argv[2]) : resolve(repoRoot, '../shared/reference/crosswalk-20000-1-2018.json');
const TARGETS = { iso27001: 'iso27001:2022', iso9001: 'iso9001:2015' };

const reference = JSON.parse(readFileSync(referencePath, 'utf8'));
const mappings = [];
for (const row of reference.rows) {
  for (const [key, catalog] of Object.entries(TARGETS)) {
    for (const target of row[key]?.targets ?? []) {
      if (target.relation !== 'equivalent' && target.relation !== 'partial') throw new Error(`${row.id} → ${catalog} ${target.id}: relation ${target.relation}`);
      mappings.push({ clause: row.id, catalog, target: target.id, relation: target.relation });
    }
  }
}
const crosswalk = {
  $schema: './crosswalk.schema.json',
  from: 'iso20000-1:2018',
  note: 'Built from our own analysis of the shared clause structure; `equivalent` lets a claim of the 20000-1 clause count for the target, `partial` is shown but never counts.',
  mappings,
};
writeFileSync(resolve(repoRoot, 'schemas/crosswalk-iso20000-1-2018.json'), JSON.stringify(crosswalk, null, 2) + '\n');
console.log(`Wrote schemas/crosswalk-iso20000-1-2018.json: ${mappings.length} mappings (${mappings.filter((m) => m.relation === 'equivalent').length} equivalent)`);
