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
