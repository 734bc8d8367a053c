import { loadProject } from '../../src/core/config/loadProject.js';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex.js';
import type { Finding } from '../../src/core/model/finding.js';
import { MemoryFileSystem } from './memoryFileSystem.js';

export const ROOT = '/repo';
export const TODAY = new Date('2026-11-21T12:00:00Z');

/** Builds an index over an in-memory repository (paths relative to /repo) and scans it. */
export async function indexOf(files: Record<string, string>, now: Date = TODAY): Promise<{ index: WorkspaceIndex; fs: MemoryFileSystem }> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text])));
  fs.write(`${ROOT}/.git/HEAD`, 'ref: refs/heads/main\n');
  const loaded = await loadProject({ start: ROOT, fs });
  if (!loaded.ok) throw new Error(`setup failed: ${loaded.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  const index = new WorkspaceIndex({ project: loaded.project, fs, now: () => now });
  await index.scan();
  return { index, fs };
}

/** `file:line:col-line:col rule` — compact and exact, for assertions. */
export function describeFinding(finding: Finding): string {
  const range = finding.range ? `:${finding.range.start.line}:${finding.range.start.column}-${finding.range.end.line}:${finding.range.end.column}` : '';
  return `${finding.file}${range} ${finding.ruleId}`;
}

/** A minimal valid, approved SMS document; `fields` replace or add frontmatter lines. */
export function documentText(fields: Record<string, string | undefined> = {}, body = '# Purpose\n\nWhy this exists.\n'): string {
  const defaults: Record<string, string | undefined> = {
    id: 'PRC-INC',
    title: 'Incident management process',
    type: 'process',
    owner: 'Service Desk Manager',
    status: 'approved',
    version: '"1.0"',
    approved_by: 'Head of Operations',
    approved_on: '2026-03-02',
    next_review: '2027-03-02',
    clauses: '\n  - 8.6.1',
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (value!.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`));
  return `---\n${lines.join('\n')}\n---\n${body}`;
}
