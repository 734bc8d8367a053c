import { checkRepository, type CheckResult } from '../../src/core/check.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, TODAY } from '../support/repository.js';

/** A whole check of an in-memory repository (paths relative to /repo) on the test day. */
export async function checkOf(files: Record<string, string>): Promise<CheckResult> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/repo/${path}`, text])));
  fs.write('/repo/.git/HEAD', 'ref: refs/heads/main\n');
  const outcome = await checkRepository({ cwd: '/repo', fs, now: () => TODAY });
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => `${problem.file}: ${problem.message}`).join('; '));
  return outcome.result;
}

/** A small custom catalog (a SOC 2 style control list) for three-catalog repositories. */
export const TSC_CATALOG = JSON.stringify(
  {
    id: 'tsc:2017',
    title: 'Trust services criteria',
    exclusions: { allowed: true },
    clauses: [
      { id: 'CC6', title: 'Logical and physical access' },
      { id: 'CC6.1', title: 'Access security', parent: 'CC6', documents: [{ description: 'Access policy', types: ['policy'] }] },
      { id: 'CC6.2', title: 'User registration', parent: 'CC6', records: [{ description: 'Access requests' }] },
    ],
  },
  null,
  2,
);

export const THREE_CATALOGS_CONFIG =
  '{\n  "catalogs": {\n    "20000": "iso20000-1:2018",\n    "27001": "iso27001:2022",\n    "TSC": "./tsc.catalog.json"\n  }\n}\n';

/** A repository claiming 20000-1 (bare ids), 27001 (by alias mapping and qualified ids) and the custom catalog. */
export function threeCatalogRepository(): Record<string, string> {
  return {
    'clausemark.json': THREE_CATALOGS_CONFIG,
    'tsc.catalog.json': TSC_CATALOG,
    'sms/incident.md': documentText({ clauses: '\n  "20000": [8.6.1]\n  "27001": [A.5.24, A.5.26]' }),
    'sms/access.md': documentText({ id: 'POL-ACC', title: 'Access policy', type: 'policy', clauses: '\n  - 8.7.3.1\n  - 27001:A.5.15\n  - TSC:CC6.1' }),
  };
}
