import { relative } from 'node:path';
import { findGitRoot, nodeFileSystem, toPosix, type CheckResult, type ReportInput } from '../core/index.js';
import { TOOL_VERSION } from './toolVersion.js';

/** What every renderer needs, from one check. */
export function reportInputFor(result: CheckResult): ReportInput {
  const { project, index } = result;
  // Repository-level findings need a real file in SARIF: the config, else the README, else the first document.
  const paths = index.paths();
  const anchor = project.configFile ?? (paths.includes('README.md') ? 'README.md' : paths[0]);
  const limited = result.scopes.length > 0 && !result.scopes.includes('');
  return {
    findings: result.findings,
    coverage: result.coverage,
    catalog: project.catalog,
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
