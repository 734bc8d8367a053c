// The bundled example as git knows it, for every test (and test script) that copies or walks it: never what an
// earlier command left in the tree (`npm run example` leaves `.clausemark-cache/`, `report` an audit pack).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this file belongs to (from src `test/support/` or compiled `out/test/support/`). */
const REPOSITORY = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..'), join(here, '..', '..', '..')];
  return candidates.find((folder) => existsSync(join(folder, 'examples', 'acme-msp', 'clausemark.json'))) ?? candidates[0]!;
})();

/** examples/acme-msp in the working tree. */
export const EXAMPLE_ROOT = join(REPOSITORY, 'examples', 'acme-msp');

/** What commands leave behind, skipped when git cannot say which files are the example's own. */
export const EXAMPLE_LEFTOVERS: readonly string[] = ['.clausemark-cache', 'audit-pack', 'node_modules', '.git'];

let listed: readonly string[] | undefined;

/**
 * The example's own files, relative to it with forward slashes: those git tracks (a file staged but not yet
 * committed counts; one deleted from the working tree does not). Outside a git checkout, every file except
 * the leftovers above.
 */
export function exampleFiles(): readonly string[] {
  listed ??= trackedFiles() ?? walkedFiles();
  return listed;
}

function trackedFiles(): string[] | undefined {
  const result = spawnSync('git', ['ls-files', '-z', '--cached', '--', '.'], { cwd: EXAMPLE_ROOT, encoding: 'utf8' });
  if (result.status !== 0 || result.error) return undefined;
  const files = result.stdout.split('\0').filter((path) => path !== '' && existsSync(join(EXAMPLE_ROOT, path)));
  return files.length > 0 ? files.sort() : undefined;
}

function walkedFiles(): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (folder === EXAMPLE_ROOT && EXAMPLE_LEFTOVERS.includes(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(EXAMPLE_ROOT, path).split(sep).join('/'));
    }
  };
  walk(EXAMPLE_ROOT);
  return files.sort();
}

/** Copies the example's own files into `target` (created if needed). */
export function copyExample(target: string): void {
  for (const path of exampleFiles()) {
    const destination = join(target, path);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(join(EXAMPLE_ROOT, path), destination);
  }
}

/** The example's own files with their text, keyed by their path relative to the example. */
export function exampleTexts(): Record<string, string> {
  return Object.fromEntries(exampleFiles().map((path) => [path, readFileSync(join(EXAMPLE_ROOT, path), 'utf8')]));
}
