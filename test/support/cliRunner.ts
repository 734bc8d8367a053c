import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve('bin/clausemark.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real binary, as a user or CI would. `nodeArgs` go before the script (`--import` a preload);
 * `command` replaces `node` with a wrapper (`setpriv … node`); `timeoutMs` kills a run that hangs; `env` adds variables.
 */
export function clausemark(
  args: string[],
  cwd = process.cwd(),
  options: { nodeArgs?: string[]; command?: string[]; timeoutMs?: number; env?: Record<string, string> } = {},
): CliRun {
  const [program, ...prefix] = options.command ?? [process.execPath];
  const spawnOptions: SpawnSyncOptions = {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  };
  if (options.timeoutMs !== undefined) spawnOptions.timeout = options.timeoutMs;
  const result = spawnSync(program!, [...prefix, ...(options.nodeArgs ?? []), BIN, ...args], spawnOptions);
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A temporary git repository (a `.git` folder) holding the given files; contents may be bytes. */
export function tempRepository(files: Record<string, string | Uint8Array>, prefix = 'clausemark-cli-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(folder, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}
