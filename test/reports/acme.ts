import { fileURLToPath } from 'node:url';
import { checkRepository, type CheckResult } from '../../src/core/check.js';
import type { ReportInput } from '../../src/core/reports/reportInput.js';

/** examples/acme-msp, seen from out/test/reports where the compiled tests run. */
export const ACME_ROOT = fileURLToPath(new URL('../../../examples/acme-msp', import.meta.url));

let cached: Promise<CheckResult> | undefined;

export function acmeResult(): Promise<CheckResult> {
  cached ??= (async () => {
    const outcome = await checkRepository({ paths: [ACME_ROOT], now: () => new Date('2026-11-21T12:00:00Z') });
    if (!outcome.ok) throw new Error(`check failed: ${JSON.stringify(outcome.problems)}`);
    return outcome.result;
  })();
  return cached;
}

export async function acmeInput(): Promise<ReportInput> {
  const result = await acmeResult();
  const configFile = result.project.configFile;
  return {
    findings: result.findings,
    coverage: result.coverage,
    catalog: result.project.catalog,
    root: result.project.root,
    ...(configFile !== undefined ? { configFile, repositoryAnchorFile: configFile } : {}),
    stats: result.stats,
    today: result.today,
    toolVersion: '0.1.0',
    cycle: result.index.cycle(),
  };
}
