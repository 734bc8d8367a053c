import { isAbsolute, relative, resolve } from 'node:path';
import { loadProject, toPosix, type Project, type SetupProblem } from './config/loadProject.js';
import type { CatalogCoverage } from './coverage/catalogCoverage.js';
import type { CoverageReport } from './coverage/coverageReport.js';
import type { DiagramValidator } from './diagrams/diagramValidator.js';
import type { DocumentCache } from './index/documentCache.js';
import { WorkspaceIndex } from './index/workspaceIndex.js';
import type { Finding } from './model/finding.js';
import type { WorkspaceFileSystem } from './workspace/fileSystem.js';
import { nodeFileSystem } from './workspace/nodeFileSystem.js';

export interface CheckOptions {
  /** Files or folders to report on; the first one also decides where the repository is. Default: the working folder. */
  readonly paths?: readonly string[];
  readonly cwd?: string;
  /** An explicit config file (`--config`). */
  readonly configPath?: string;
  readonly fs?: WorkspaceFileSystem;
  readonly now?: () => Date;
  readonly cache?: DocumentCache;
  /** Opens a cache once the repository root is known (the CLI keeps its cache there). */
  readonly cacheFor?: (root: string) => Promise<DocumentCache>;
  readonly onProgress?: (done: number, total: number) => void;
  /** The repository root when no config file is found (see `LoadProjectOptions.fallbackRoot`). */
  readonly fallbackRoot?: string;
  /** Checks diagram blocks while reading (the CLI and editor pass the mermaid validator). */
  readonly validateDiagram?: DiagramValidator;
  /** Called once every file is read, before findings are gathered (the CLI frees its diagram workers there). */
  readonly onScanned?: () => Promise<void>;
}

/** Everything one check produced; renderers turn it into text, JSON, SARIF and the rest. */
export interface CheckResult {
  readonly project: Project;
  readonly index: WorkspaceIndex;
  /** Findings in the requested paths plus repository-level ones, sorted. */
  readonly findings: readonly Finding[];
  /** Whether a root-relative file is within the requested paths (or is the repository-level file). */
  readonly inScope: (file: string) => boolean;
  /** The requested paths relative to the root (`''` is the whole repository); coverage is always the whole repository's. */
  readonly scopes: readonly string[];
  /** The primary catalog's coverage. */
  readonly coverage: CoverageReport;
  /** Every catalog's coverage, the primary (`coverage`) first; one entry with one catalog. */
  readonly catalogs: readonly CatalogCoverage[];
  /** How many Markdown files were read and how many of them are SMS documents. */
  readonly stats: { readonly files: number; readonly documents: number };
  /** The day dates were judged against (`YYYY-MM-DD`). */
  readonly today: string;
}

export type CheckOutcome = { readonly ok: true; readonly result: CheckResult } | { readonly ok: false; readonly problems: readonly SetupProblem[] };

/** Loads the configuration and catalog, reads the repository and returns its findings and coverage. */
export async function checkRepository(options: CheckOptions = {}): Promise<CheckOutcome> {
  const fs = options.fs ?? nodeFileSystem;
  const cwd = options.cwd ?? process.cwd();
  const targets = (options.paths && options.paths.length > 0 ? options.paths : ['.']).map((path) => resolve(cwd, path));
  const missing: SetupProblem[] = [];
  for (const target of targets) {
    if ((await fs.stat(target)) === undefined) missing.push({ file: target, message: 'no such file or folder' });
  }
  if (missing.length > 0) return { ok: false, problems: missing };
  const firstTarget = targets[0] ?? cwd;
  const start = (await fs.stat(firstTarget))?.kind === 'directory' ? firstTarget : resolve(firstTarget, '..');
  const loaded = await loadProject({
    start,
    fs,
    ...(options.configPath !== undefined ? { configPath: resolve(cwd, options.configPath) } : {}),
    ...(options.fallbackRoot !== undefined ? { fallbackRoot: options.fallbackRoot } : {}),
  });
  if (!loaded.ok) return loaded;
  const project = loaded.project;

  const cache = options.cache ?? (options.cacheFor ? await options.cacheFor(project.root) : undefined);
  const index = new WorkspaceIndex({
    project,
    fs,
    ...(options.now ? { now: options.now } : {}),
    ...(cache ? { cache } : {}),
    ...(options.validateDiagram ? { validateDiagram: options.validateDiagram } : {}),
  });
  await index.scan(options.onProgress);
  await options.onScanned?.();

  const scopes = targets.map((target) => toPosix(relative(project.root, target)));
  const outside = scopes.filter((scope) => scope === '..' || scope.startsWith('../') || isAbsolute(scope));
  if (outside.length > 0) {
    return {
      ok: false,
      problems: outside.map((scope) => ({ file: resolve(project.root, scope), message: `this path is outside the repository at ${project.root}` })),
    };
  }
  const inScope = (file: string): boolean =>
    file === index.repositoryFile || scopes.some((scope) => scope === '' || file === scope || file.startsWith(`${scope}/`));
  const findings = index.allFindings().filter((finding) => inScope(finding.file));
  return {
    ok: true,
    result: {
      inScope,
      scopes,
      project,
      index,
      findings,
      coverage: index.coverage(),
      catalogs: index.catalogCoverages(),
      stats: { files: index.paths().length, documents: index.documents().length },
      today: index.today,
    },
  };
}
