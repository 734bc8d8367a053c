import { relative } from 'node:path';
import { findGitRoot, nodeFileSystem, pickCatalogs, shownForCatalog, toPosix, type CheckResult, type ReportInput } from '../core/index.js';
import { TOOL_VERSION } from './toolVersion.js';
import { UsageError } from './usageError.js';

/**
 * What every renderer needs, from one check. `catalog` is `--catalog ALIAS`: that catalog's coverage alone, and
 * no coverage findings of the others; without it, every catalog (the primary's coverage first).
 */
export function reportInputFor(result: CheckResult, catalog?: string): ReportInput {
  const { project, index } = result;
  const shown = pickCatalogs(result.catalogs, catalog);
  if (!shown)
    throw new UsageError(`--catalog ${catalog}: the project has no catalog of that alias (${result.catalogs.map((coverage) => coverage.alias).join(', ')})`);
  const first = shown[0]!;
  const findings = catalog === undefined ? result.findings : result.findings.filter((finding) => shownForCatalog(finding, result.catalogs, first.alias));
  // Repository-level findings need a real file in SARIF: the config, else the README, else the first document.
  const paths = index.paths();
  const anchor = project.configFile ?? (paths.includes('README.md') ? 'README.md' : paths[0]);
  const limited = result.scopes.length > 0 && !result.scopes.includes('');
  return {
    findings,
    coverage: first.report,
    catalog: first.catalog,
    ...(shown.length > 1 ? { catalogs: shown } : {}),
    root: project.root,
    ...(project.configFile !== undefined ? { configFile: project.configFile } : {}),
    ...(anchor !== undefined ? { repositoryAnchorFile: anchor } : {}),
    stats: result.stats,
    today: result.today,
    toolVersion: TOOL_VERSION,
    ...(limited ? { paths: result.scopes } : {}),
    cycle: index.cycle(),
  };
}

/**
 * Where the Clausemark root sits inside the git checkout (`examples/acme-msp/`), for formats whose paths
 * GitHub reads relative to the checkout (SARIF, annotations); empty when they are the same folder.
 */
export async function checkoutPathPrefix(root: string): Promise<string> {
  const gitRoot = await findGitRoot(root, nodeFileSystem);
  if (gitRoot === undefined || gitRoot === root) return '';
  return `${toPosix(relative(gitRoot, root))}/`;
}
