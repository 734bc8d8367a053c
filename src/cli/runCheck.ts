import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  CACHE_FOLDER,
  checkRepository,
  FileDocumentCache,
  mermaidWorkerPool,
  parseIsoDate,
  UnsafePathError,
  type CheckResult,
  type Project,
  type SetupProblem,
} from '../core/index.js';
import type { CliIo } from './cliIo.js';
import { localCacheKey } from './cacheKey.js';
import { mermaidScriptPath, mermaidWorkerScript } from './mermaidScript.js';
import { createProgress } from './progress.js';
import { TOOL_VERSION } from './toolVersion.js';
import { UsageError } from './usageError.js';

export interface RunCheckOptions {
  readonly paths: readonly string[];
  readonly config?: string;
  readonly useCache: boolean;
  readonly today?: string;
}

/** The command-line options every checking command takes (`parseArgs` form). */
export const CHECK_OPTIONS = {
  config: { type: 'string' },
  output: { type: 'string', short: 'o' },
  today: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Runs the check from parsed `CHECK_OPTIONS` values and the positional paths. */
export function runCheckWith(
  io: CliIo,
  values: { config?: string; today?: string; 'no-cache'?: boolean },
  paths: readonly string[],
): Promise<CheckResult | number> {
  return runCheck(io, {
    paths,
    ...(values.config !== undefined ? { config: values.config } : {}),
    useCache: values['no-cache'] !== true,
    ...(values.today !== undefined ? { today: values.today } : {}),
  });
}

/** Runs the core check the way both `check` and `coverage` need it: cache, progress, and setup errors as exit 2. */
export async function runCheck(io: CliIo, options: RunCheckOptions): Promise<CheckResult | number> {
  const session = checkSession(io, options);
  return session.finish(await checkRepository(session.options));
}

/** The core options a CLI check passes (clock, cache, progress), and how it ends: setup problems → exit 2, else the cache saved. */
export function checkSession(io: CliIo, options: RunCheckOptions) {
  const now = clockFor(options.today);
  let cache: FileDocumentCache | undefined;
  const progress = createProgress(io, 'Checking');
  const diagrams = mermaidWorkerPool(mermaidScriptPath(), mermaidWorkerScript());
  return {
    options: {
      paths: options.paths,
      cwd: io.cwd,
      ...(options.config !== undefined ? { configPath: options.config } : {}),
      ...(now ? { now } : {}),
      onProgress: (done: number, total: number) => progress.update(done, total),
      validateDiagram: diagrams,
      // Every diagram was answered while reading; the worker's own mermaid (50–70 MB) need not live on
      // while findings and reports are built, the largest moment of a check's memory.
      onScanned: () => diagrams.dispose(),
      // The cache lives in the repository root, which is only known once the config is found: open it lazily.
      ...(options.useCache
        ? { cacheFor: async (root: string) => (cache = await FileDocumentCache.open(join(root, CACHE_FOLDER), TOOL_VERSION, localCacheKey(io.env))) }
        : {}),
    },
    async finish<T>(outcome: { ok: true; result: T } | { ok: false; problems: readonly SetupProblem[] }): Promise<T | number> {
      progress.finish();
      await diagrams.dispose();
      if (!outcome.ok) return reportProblems(io, outcome.problems);
      await saveCache(io, cache);
      const project = (outcome.result as { project?: Project }).project;
      if (project) io.checkedRoot?.(project.root, inputsOutside(project, options, io.cwd));
      return outcome.result;
    },
  };
}

/** Files a check read from outside its repository's tree: the config named on the command line, a catalog. */
function inputsOutside(project: Project, options: RunCheckOptions, cwd: string): string[] {
  const inputs = [
    ...(options.config !== undefined ? [resolve(cwd, options.config)] : []),
    ...(project.configFile === undefined ? [] : [join(project.root, project.configFile)]),
    ...(project.catalog.source.startsWith('builtin:') ? [] : [project.catalog.source]),
  ];
  return inputs.filter((input) => {
    const inside = relative(project.root, input);
    return inside.startsWith('..') || isAbsolute(inside);
  });
}

/** Prints setup problems as `clausemark: file:line:col: message` and returns exit code 2. */
export function reportProblems(io: CliIo, problems: readonly SetupProblem[]): 2 {
  for (const problem of problems) {
    const where = problem.range ? `${problem.file}:${problem.range.start.line}:${problem.range.start.column}` : problem.file;
    io.writeStderr(`clausemark: ${where}: ${problem.message}\n`);
  }
  return 2;
}

export async function saveCache(io: CliIo, cache: FileDocumentCache | undefined): Promise<void> {
  if (!cache) return;
  try {
    await cache.save();
  } catch (error) {
    // A read-only checkout still gets its check; it only loses the speed-up next time.
    const reason = error instanceof UnsafePathError ? error.message : ((error as NodeJS.ErrnoException).code ?? String(error));
    io.writeStderr(`clausemark: note: the cache could not be saved (${reason}); use --no-cache to skip it\n`);
  }
}

export function clockFor(today: string | undefined): (() => Date) | undefined {
  if (today === undefined) return undefined;
  const day = parseIsoDate(today);
  if (day === undefined || day !== today) throw new UsageError(`--today takes a date written YYYY-MM-DD, not \`${today}\``);
  const fixed = new Date(`${day}T12:00:00Z`);
  return () => fixed;
}
