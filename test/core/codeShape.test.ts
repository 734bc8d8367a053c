import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript file under a folder, as a path from the repository root. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const MAX_LINES = 400;

describe('code shape', () => {
  it(`no source file in src/ is over ${MAX_LINES} lines (split it by concern)`, () => {
    const files = sourceFiles('src');
    assert.ok(files.length > 100, `read ${files.length} files`);
    const long = files.map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 })).filter(({ lines }) => lines > MAX_LINES);
    assert.deepEqual(long, []);
  });
});

/**
 * The folder a source file belongs to: `src/core/<area>` for the core, `src/<area>` elsewhere. A file directly in
 * src/core (the entry point, the check) stands alone, as the one-file area it is.
 */
function folderOf(file: string): string {
  const parts = file.split(/[\\/]/);
  if (parts[1] === 'core' && parts.length === 3) return parts.join('/');
  return parts.slice(0, parts[1] === 'core' ? 3 : 2).join('/');
}

/**
 * The folders each folder imports from at run time. Type-only imports (`import type`) are left out: they are
 * erased when compiled, so they cannot make modules load in a loop (the rule-id union, for one, is a type that
 * the finding model takes from the rule registry).
 */
export function folderImports(files: readonly string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+'(\.[^']+)'/gm)].map((match) => match[1]),
      ...[...text.matchAll(/^\s*import\s+'(\.[^']+)'/gm)].map((match) => match[1]),
      ...[...text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)].map((match) => match[1]),
    ];
    const from = folderOf(file);
    for (const specifier of specifiers) {
      if (specifier === undefined) continue;
      const to = folderOf(join(file, '..', specifier).replace(/\.js$/, '.ts'));
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      graph.set(from, edges);
      if (!edges.has(to)) edges.set(to, `${file} imports ${specifier}`);
    }
  }
  return graph;
}

/** A loop of folders, each importing the next, with the import that makes each step; undefined when there is none. */
export function findCycle(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (folder: string): string[] | undefined => {
    state.set(folder, 'open');
    path.push(folder);
    for (const [next, because] of graph.get(folder) ?? []) {
      if (state.get(next) === 'open')
        return [...path.slice(path.indexOf(next)), next].map((step, i, all) =>
          i + 1 < all.length ? `${step} (${graph.get(step)?.get(all[i + 1] ?? '') ?? because})` : step,
        );
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of [...graph.keys()].sort()) {
    if (state.get(folder) === undefined) {
      const found = visit(folder);
      if (found) return found;
    }
  }
  return undefined;
}

describe('import graph', () => {
  it('finds a cycle when there is one (so the test below can fail)', () => {
    const graph = new Map([
      ['src/core/a', new Map([['src/core/b', 'a.ts imports b']])],
      ['src/core/b', new Map([['src/core/a', 'b.ts imports a']])],
    ]);
    assert.deepEqual(
      findCycle(graph)?.map((step) => step.split(' ')[0]),
      ['src/core/a', 'src/core/b', 'src/core/a'],
    );
    assert.equal(findCycle(new Map([['src/core/a', new Map([['src/core/b', '']])]])), undefined);
  });

  it('no folder of src/ imports (at run time) a folder that imports it back, directly or through others', () => {
    const graph = folderImports(sourceFiles('src'));
    assert.ok(graph.size > 10, `${graph.size} folders import others`);
    assert.ok(graph.get('src/core/index')?.has('src/core/rules'), 'the graph sees imports');
    assert.equal(findCycle(graph)?.join('\n  → '), undefined);
  });
});

describe('public core', () => {
  it('the CLI uses the core only through its entry point, src/core/index.ts', () => {
    // The replay path answers a repeated run from the cache without loading the checker: it imports only what it needs.
    const replayPath = new Set(['replay.ts', 'resultCache.ts', 'cliIo.ts'].map((name) => join('src/cli', name)));
    const files = sourceFiles('src/cli').filter((file) => !replayPath.has(file));
    assert.equal(files.length + replayPath.size, sourceFiles('src/cli').length, 'the replay files exist');
    const deep = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+core\/[^']+)'/g)].map((match) => `${file}: ${match[1]}`));
    assert.deepEqual(
      deep.filter((line) => !line.endsWith('core/index.js')),
      [],
    );
  });
});
