import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import configSchema from '../../../schemas/clausemark.schema.json' with { type: 'json' };
import { BUILTIN_CATALOGS } from '../catalog/builtinCatalogs.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { CatalogSet } from '../catalog/catalogSet.js';
import { builtinCatalog, parseCatalog } from '../catalog/loadCatalog.js';
import { compileSchema, parseJsonDocument, rangeOfPath } from '../text/jsonDocument.js';
import { applicabilityExclusions } from './applicability.js';
import type { ConfigProblem } from './configProblem.js';
import { applicabilityProblems, exclusionProblems } from './configProblems.js';
import { catalogsInOrder } from './catalogsSetting.js';
import { builtinCrosswalkOf, Crosswalk, parseCrosswalk } from '../crosswalk/crosswalk.js';
import type { SourceRange } from '../text/sourceRange.js';
import { decodeText } from '../workspace/decodeText.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { invalidCertificationDates } from './certification.js';
import { globLeavingRepositoryReason, unsafeGlobReason } from './globSafety.js';
import { CONFIG_FILE_NAME, withDefaults, type ClausemarkConfig, type ConfigFile } from './clausemarkConfig.js';

/** Everything a check needs to know before reading documents. */
export interface Project {
  /** Absolute path of the repository root: the config file's folder, else the git work tree, else the start folder. */
  readonly root: string;
  /** The config file, relative to the root; undefined when the repository has none. */
  readonly configFile: string | undefined;
  readonly config: ClausemarkConfig;
  /** The primary catalog. */
  readonly catalog: ClauseCatalog;
  /** Every catalog under its alias, the primary first; absent (one catalog) in projects built by hand. */
  readonly catalogs?: CatalogSet;
  /** The crosswalk in force (`"crosswalk"` in the config), if any. */
  readonly crosswalk?: Crosswalk;
  /** Where a setting sits in the config file (for findings about it). */
  locateSetting(path: (string | number)[], part?: 'key' | 'value'): SourceRange | undefined;
  /** What is wrong with the configuration that the rules report (refused exclusions, unknown clauses). */
  readonly problems: readonly ConfigProblem[];
}

/** A problem that stops the check: an unreadable or invalid config or catalog. */
export interface SetupProblem {
  /** Absolute path of the file at fault. */
  readonly file: string;
  readonly range?: SourceRange;
  readonly message: string;
}

export type ProjectResult = { readonly ok: true; readonly project: Project } | { readonly ok: false; readonly problems: readonly SetupProblem[] };

const validateConfig = compileSchema(configSchema);
const MAX_SETTINGS_BYTES = 16 * 1024 * 1024;

export interface LoadProjectOptions {
  /** Where to start looking for clausemark.json (a folder). */
  readonly start: string;
  /** A config file named on the command line; it must exist. */
  readonly configPath?: string;
  readonly fs: WorkspaceFileSystem;
  /**
   * The root to use when no config file is found, instead of the git work tree. A change review passes the
   * head's root for the base, so both sides name files relative to the same folder even when the change adds
   * the config.
   */
  readonly fallbackRoot?: string;
  /** Settings from elsewhere (the editor's); the config file wins where both set a value. */
  readonly settings?: ConfigFile;
}

/** Finds and reads clausemark.json and the catalog it names; a repository without a config gets the defaults. */
export async function loadProject(options: LoadProjectOptions): Promise<ProjectResult> {
  const { fs } = options;
  const start = resolve(options.start);
  let configPath: string | undefined;
  if (options.configPath !== undefined) {
    configPath = resolve(options.configPath);
    if ((await fs.stat(configPath))?.kind !== 'file') return failure(configPath, 'the config file does not exist');
  } else {
    configPath = await findConfigUpwards(start, fs);
  }

  const settings = options.settings ?? {};
  if (configPath === undefined) {
    const root = options.fallbackRoot ?? (await findGitRoot(start, fs)) ?? start;
    const config = withDefaults(settings);
    const catalogResult = await loadCatalogsFor(config, root, fs);
    if (!catalogResult.ok) return { ok: false, problems: catalogResult.problems.map((problem) => ({ ...problem, file: problem.file ?? root })) };
    const catalogs = catalogResult.catalogs;
    return {
      ok: true,
      project: { root, configFile: undefined, config, catalog: catalogs.primary.catalog, catalogs, locateSetting: () => undefined, problems: [] },
    };
  }

  // Like a catalog, the config must not make Clausemark read (and echo the keys of) a file elsewhere on the machine.
  if (!(await isInside(dirname(configPath), configPath, fs))) {
    return failure(configPath, `it is a symbolic link leading outside the repository at ${dirname(configPath)}; keep the config file in the repository`);
  }
  const text = await readSettingsText(configPath, fs);
  if (typeof text !== 'string') return failure(configPath, text.error);
  const parsed = parseJsonDocument<ConfigFile>(text, validateConfig);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((problem) => ({ file: configPath, ...problem })) };
  if (parsed.value.catalogs !== undefined && parsed.value.catalog !== undefined) {
    return {
      ok: false,
      problems: [
        {
          file: configPath,
          range: rangeOfPath(parsed.tree, parsed.lines, ['catalog'], 'key'),
          message: 'name the catalogs either with `catalog` (one) or with `catalogs` (several), not both',
        },
      ],
    };
  }
  // `catalogs` replaces the editor's `catalog` setting; its order is read from the file (JSON objects keep no order for keys like "20000").
  const fromFile = parsed.value.catalogs !== undefined ? { catalogs: catalogsInOrder(parsed.tree, parsed.value.catalogs) } : {};
  const config = withDefaults({ ...settings, ...parsed.value }, fromFile.catalogs);
  const root = dirname(configPath);
  const configFile = toPosix(relative(root, configPath));
  const locateSetting = (path: (string | number)[], part: 'key' | 'value' = 'value'): SourceRange | undefined =>
    rangeOfPath(parsed.tree, parsed.lines, path, part);

  const unsafeGlobs = (['include', 'exclude', 'smsFolders'] as const).flatMap((setting) =>
    config[setting].flatMap((pattern, index) => {
      const reason = unsafeGlobReason(pattern) ?? globLeavingRepositoryReason(pattern);
      return reason === undefined
        ? []
        : [{ file: configPath, range: locateSetting([setting, index]), message: `\`${setting}\` pattern \`${pattern}\` is refused: ${reason}` }];
    }),
  );
  if (unsafeGlobs.length > 0) return { ok: false, problems: unsafeGlobs };
  const badDates = parsed.value.certification ? invalidCertificationDates(parsed.value.certification) : [];
  if (badDates.length > 0) return { ok: false, problems: badDates.map(({ path, message }) => ({ file: configPath, range: locateSetting(path), message })) };

  const catalogResult = await loadCatalogsFor(config, root, fs);
  if (!catalogResult.ok) {
    const problems = catalogResult.problems.map((problem) => ({
      ...problem,
      file: problem.file ?? configPath,
      range: problem.file ? problem.range : locateSetting(problem.setting),
    }));
    return { ok: false, problems };
  }
  const catalogs = catalogResult.catalogs;
  const catalog = catalogs.primary.catalog;
  const crosswalk = await loadCrosswalkFor(config.crosswalk, root, fs);
  if (crosswalk !== undefined && !(crosswalk instanceof Crosswalk)) {
    return {
      ok: false,
      problems: crosswalk.problems.map((problem) => ({
        file: problem.file ?? configPath,
        ...problem,
        range: problem.file ? problem.range : locateSetting(['crosswalk']),
      })),
    };
  }
  const problems = [
    ...exclusionProblems(config, catalog, catalogs.primary.alias, locateSetting),
    ...applicabilityProblems(config.applicability, catalogs, locateSetting),
  ];
  // Controls of the primary catalog declared not applicable are its exclusions (the other catalogs' are applied per catalog).
  const inForce = { ...config, exclusions: [...config.exclusions, ...applicabilityExclusions(config.applicability, catalogs, catalogs.primary.alias)] };
  return { ok: true, project: { root, configFile, config: inForce, catalog, catalogs, ...(crosswalk ? { crosswalk } : {}), locateSetting, problems } };
}

type CatalogsLoad =
  { ok: true; catalogs: CatalogSet } | { ok: false; problems: { file?: string; range?: SourceRange; setting: (string | number)[]; message: string }[] };

/** The catalogs the config names (`catalogs`, else the single `catalog`), each loaded once. */
async function loadCatalogsFor(config: ClausemarkConfig, root: string, fs: WorkspaceFileSystem): Promise<CatalogsLoad> {
  const named = config.catalogs ?? [[undefined, config.catalog] as const];
  const entries: { alias: string; catalog: ClauseCatalog }[] = [];
  const problems: Extract<CatalogsLoad, { ok: false }>['problems'] = [];
  for (const [alias, reference] of named) {
    const setting = alias === undefined ? ['catalog'] : ['catalogs', alias];
    const result = await loadCatalogFor(reference, root, fs);
    if (result.ok) entries.push({ alias: alias ?? result.catalog.id, catalog: result.catalog });
    else problems.push(...result.problems.map((problem) => ({ ...problem, setting })));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalogs: config.catalogs === undefined ? CatalogSet.single(entries[0]!.catalog) : new CatalogSet(entries) };
}

type CatalogLoad = { ok: true; catalog: ClauseCatalog } | { ok: false; problems: { file?: string; range?: SourceRange; message: string }[] };

async function loadCatalogFor(reference: string, root: string, fs: WorkspaceFileSystem): Promise<CatalogLoad> {
  const builtin = builtinCatalog(reference);
  if (builtin) return { ok: true, catalog: builtin };
  const looksLikeFile = /[\\/]|\.json$/i.test(reference);
  if (!looksLikeFile) {
    const known = [...BUILTIN_CATALOGS.keys()];
    return {
      ok: false,
      problems: [{ message: `unknown catalog \`${reference}\`; use a built-in one (${known.join(', ')}) or the path of a catalog JSON file` }],
    };
  }
  const catalogPath = isAbsolute(reference) ? reference : resolve(root, reference);
  // A config comes with the repository (and with every pull request): it must not make Clausemark read,
  // and echo the keys of, a file elsewhere on the machine.
  if (!(await isInside(root, catalogPath, fs))) {
    return { ok: false, problems: [{ message: `the catalog ${reference} is outside the repository at ${root}; keep the catalog file in the repository` }] };
  }
  const text = await readSettingsText(catalogPath, fs);
  if (typeof text !== 'string') return { ok: false, problems: [{ message: `the catalog ${reference} cannot be read: ${text.error}` }] };
  const parsed = parseCatalog(text, catalogPath);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((problem) => ({ file: catalogPath, ...problem })) };
  return { ok: true, catalog: parsed.catalog };
}

/** The crosswalk the config names: the built-in one for `true`, else a file inside the repository. */
async function loadCrosswalkFor(
  setting: boolean | string | undefined,
  root: string,
  fs: WorkspaceFileSystem,
): Promise<Crosswalk | { problems: { file?: string; range?: SourceRange; message: string }[] } | undefined> {
  if (setting === undefined || setting === false) return undefined;
  if (setting === true) return builtinCrosswalkOf();
  const path = isAbsolute(setting) ? setting : resolve(root, setting);
  if (!(await isInside(root, path, fs)))
    return { problems: [{ message: `the crosswalk ${setting} is outside the repository at ${root}; keep it in the repository` }] };
  const text = await readSettingsText(path, fs);
  if (typeof text !== 'string') return { problems: [{ message: `the crosswalk ${setting} cannot be read: ${text.error}` }] };
  const parsed = parseCrosswalk(text, path);
  return parsed.ok ? parsed.crosswalk : { problems: parsed.problems.map((problem) => ({ file: path, ...problem })) };
}

/** Whether `path`, with symlinks followed, lies inside `root` (a path that does not exist yet is judged as written). */
async function isInside(root: string, path: string, fs: WorkspaceFileSystem): Promise<boolean> {
  const realRoot = (await fs.realpath(root)) ?? root;
  const realPath = (await fs.realpath(path)) ?? path;
  const relation = relative(realRoot, realPath);
  return relation !== '' && !relation.startsWith(`..${sep}`) && relation !== '..' && !isAbsolute(relation);
}

async function readSettingsText(path: string, fs: WorkspaceFileSystem): Promise<string | { error: string }> {
  const stat = await fs.stat(path);
  if (stat?.kind !== 'file') return { error: 'the file does not exist' };
  // Sized before reading: a blob of a base revision (or a sparse file) is otherwise read whole, whatever its size.
  if (stat.size > MAX_SETTINGS_BYTES) return { error: `it is over the ${MAX_SETTINGS_BYTES / 1024 / 1024} MB limit` };
  try {
    const decoded = decodeText(await fs.readFile(path), MAX_SETTINGS_BYTES);
    return decoded.ok ? decoded.text : { error: decoded.reason };
  } catch (error) {
    return { error: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
}

async function findConfigUpwards(start: string, fs: WorkspaceFileSystem): Promise<string | undefined> {
  for (let folder = start; ; folder = dirname(folder)) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if ((await fs.stat(candidate))?.kind === 'file') return candidate;
    // Never climb out of the repository: a config above it belongs to something else.
    if ((await fs.stat(join(folder, '.git'))) !== undefined || dirname(folder) === folder) return undefined;
  }
}

export async function findGitRoot(start: string, fs: WorkspaceFileSystem): Promise<string | undefined> {
  for (let folder = start; ; folder = dirname(folder)) {
    if ((await fs.stat(join(folder, '.git'))) !== undefined) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

function failure(file: string, message: string): ProjectResult {
  return { ok: false, problems: [{ file, message }] };
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
