import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/config/loadProject.js';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex.js';
import { exampleTexts } from '../support/exampleCopy.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { describeFinding, TODAY } from '../support/repository.js';

const ROOT = '/repo';

async function newIndex(fs: MemoryFileSystem): Promise<WorkspaceIndex> {
  const loaded = await loadProject({ start: ROOT, fs });
  assert.ok(loaded.ok);
  const index = new WorkspaceIndex({ project: loaded.project, fs, now: () => TODAY });
  await index.scan();
  return index;
}

/** Findings per file, rendered with messages so any change shows. */
function snapshot(index: WorkspaceIndex): Map<string, string> {
  const byFile = new Map<string, string[]>();
  for (const finding of index.allFindings()) {
    const list = byFile.get(finding.file) ?? [];
    list.push(`${describeFinding(finding)} ${finding.severity} ${finding.message} ${JSON.stringify(finding.related ?? [])}`);
    byFile.set(finding.file, list);
  }
  return new Map([...byFile].map(([file, list]) => [file, list.join('\n')]));
}

/** A small deterministic random generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Edit = { readonly describe: string; apply(fs: MemoryFileSystem, paths: string[], pick: () => number): { path: string; text?: string; deleted?: boolean } };

const at = <T>(items: readonly T[], pick: () => number): T => items[Math.floor(pick() * items.length)] as T;

// Edits that move cross-document facts: ids, related links, evidence targets, clause claims, validity.
const EDITS: Edit[] = [
  { describe: 'change an id', apply: (fs, paths, pick) => rewrite(fs, at(paths, pick), (t) => t.replace(/^id: (.*)$/m, 'id: $1-X')) },
  {
    describe: "take another document's id",
    apply: (fs, paths, pick) => {
      const other = /^id: (.*)$/m.exec(read(fs, at(paths, pick)))?.[1] ?? 'POL-SMS';
      return rewrite(fs, at(paths, pick), (t) => t.replace(/^id: .*$/m, `id: ${other}`));
    },
  },
  {
    describe: 'relate to a missing id',
    apply: (fs, paths, pick) =>
      rewrite(fs, at(paths, pick), (t) => t.replace(/^---\n/, '---\nrelated: [PRC-NEW]\n').replace(/^related: .*\n(?=(?:.|\n)*^related:)/m, '')),
  },
  {
    describe: 'add the missing id',
    apply: (fs) =>
      write(
        fs,
        'sms/processes/new.md',
        '---\nid: PRC-NEW\ntitle: New\ntype: process\nowner: X\nstatus: approved\nversion: "1"\napproved_by: Y\napproved_on: 2026-01-01\nnext_review: 2027-01-01\nclauses: [7.6]\n---\n# New\n',
      ),
  },
  { describe: 'delete a document', apply: (fs, paths, pick) => remove(fs, at(paths, pick)) },
  { describe: 'break the YAML', apply: (fs, paths, pick) => rewrite(fs, at(paths, pick), (t) => t.replace(/^title: /m, 'title: [')) },
  { describe: 'draft a document', apply: (fs, paths, pick) => rewrite(fs, at(paths, pick), (t) => t.replace(/^status: approved$/m, 'status: draft')) },
  { describe: 'claim another clause', apply: (fs, paths, pick) => rewrite(fs, at(paths, pick), (t) => t.replace(/^clauses:\n/m, 'clauses:\n  - 8.4.2\n')) },
  {
    describe: 'restore a deleted record',
    apply: (fs) =>
      write(
        fs,
        'sms/records/releases/2026-10-15-customer-portal-2.4-release-record.md',
        '---\nid: REC-REL-CP-2.4\ntitle: Release\ntype: record\nowner: X\nstatus: approved\ndate: 2026-10-15\napproved_by: Y\napproved_on: 2026-10-16\nclauses: [8.5.3]\n---\n# Release\n',
      ),
  },
  { describe: 'delete a non-Markdown evidence file', apply: (fs) => remove(fs, 'sms/records/evidence.csv') },
  // Documents that link a record without a date of their own take the record's date: their coverage changes with it.
  // The certification cycle: audit reports, their nonconformities and auditors, and management reviews.
  {
    describe: 'add an audit report with nonconformities',
    apply: (fs, paths, pick) =>
      write(
        fs,
        `sms/records/audits/aud-${Math.floor(pick() * 3)}.md`,
        auditReport(
          at(['Service Desk Manager', 'Jane Roe', 'Head of Operations'], pick),
          at(['open', 'closed'], pick),
          at(['NC-1', 'NC-2'], pick),
          at(['2026-01-15', '2026-10-01'], pick),
        ),
      ),
  },
  {
    describe: 'close or reopen a nonconformity',
    apply: (fs, paths, pick) =>
      rewrite(fs, at(paths, pick), (t) =>
        t.includes('status: open\n')
          ? t.replace('status: open\n', 'status: closed\n    closed_on: 2026-11-01\n')
          : t.replace(/^    status: closed$/m, '    status: open'),
      ),
  },
  { describe: 'hand a document to the auditor', apply: (fs, paths, pick) => rewrite(fs, at(paths, pick), (t) => t.replace(/^owner: .*$/m, 'owner: Jane Roe')) },
  {
    describe: 'hold a management review',
    apply: (fs, paths, pick) =>
      write(
        fs,
        'sms/records/management-reviews/mr-new.md',
        `---\nid: MR-NEW\ntitle: Review\ntype: management-review\nowner: X\nstatus: approved\ndate: ${at(['2025-06-01', '2026-10-01'], pick)}\napproved_by: Y\napproved_on: 2026-10-02\nclauses: []\n---\n# Review\n`,
      ),
  },
  // Typing in the body leaves a document's coverage part and the cycle as they were: what is kept must still equal a full check.
  { describe: 'type in the body', apply: (fs, paths, pick) => rewrite(fs, at(paths, pick), (t) => t.replace(/\n(#+ )/, '\nTyped a line.\n\n$1')) },
  {
    describe: 'age a record',
    apply: (fs, paths, pick) =>
      rewrite(
        fs,
        at(
          paths.filter((path) => path.includes('/records/')),
          pick,
        ),
        (t) => t.replace(/^(date|approved_on): .*$/gm, '$1: 2020-01-01'),
      ),
  },
];

function auditReport(auditor: string, status: string, ncId: string, date: string): string {
  return `---\nid: AUD-${ncId}-${date}\ntitle: Audit\ntype: audit\nowner: Audit Lead\nstatus: approved\ndate: ${date}\napproved_by: Y\napproved_on: ${date}\naudit:\n  kind: internal\n  auditor: ${auditor}\n  scope: [8.6, 9]\nfindings:\n  - id: ${ncId}\n    clause: 8.6.1\n    grade: major\n    due: 2026-12-01\n    status: ${status}\n    action: PRC-INC\n---\n# Audit\n`;
}

function read(fs: MemoryFileSystem, path: string): string {
  return new TextDecoder().decode(fs.files.get(`${ROOT}/${path}`) ?? new Uint8Array());
}
function rewrite(fs: MemoryFileSystem, path: string, change: (text: string) => string): { path: string; text: string } {
  const text = change(read(fs, path));
  fs.write(`${ROOT}/${path}`, text);
  return { path, text };
}
function write(fs: MemoryFileSystem, path: string, text: string): { path: string; text: string } {
  fs.write(`${ROOT}/${path}`, text);
  return { path, text };
}
function remove(fs: MemoryFileSystem, path: string): { path: string; deleted: true } {
  fs.delete(`${ROOT}/${path}`);
  return { path, deleted: true };
}

describe('the incremental index', () => {
  it('gives the same findings and coverage as a full re-check after every edit, and names every file whose findings changed', async function () {
    this.timeout(120_000);
    for (const seed of [1, 2, 3]) {
      const fs = new MemoryFileSystem();
      for (const [path, text] of Object.entries(exampleTexts())) fs.write(`${ROOT}/${path}`, text);
      fs.write(`${ROOT}/.git/HEAD`, 'x');
      // A certification cycle, so the cycle's repository findings move with the edits too.
      rewrite(fs, 'clausemark.json', (t) =>
        t.replace(
          '"reviewWarningDays": 45,',
          '"reviewWarningDays": 45,\n  "certification": { "certifiedOn": "2025-03-10", "internalAuditMonths": 12, "managementReviewMonths": 12, "audits": [{ "kind": "surveillance", "date": "2026-03-09" }, { "kind": "surveillance", "date": "2026-12-01" }] },',
        ),
      );
      fs.write(`${ROOT}/sms/records/evidence.csv`, 'a,b\n');
      // Link the CSV as evidence so deleting it must re-check the linking document.
      rewrite(fs, 'sms/registers/cmdb-summary.md', (t) =>
        t.replace(/^evidence:\n/m, 'evidence:\n  - path: ../records/evidence.csv\n    clause: 8.2.6\n    date: 2026-10-01\n'),
      );
      const index = await newIndex(fs);
      const pick = random(seed);
      for (let step = 0; step < 35; step++) {
        const paths = index.paths().filter((p) => p.endsWith('.md'));
        const edit = at(EDITS, pick);
        const before = snapshot(index);
        const change = edit.apply(fs, paths, pick);
        const affected = change.deleted
          ? change.path.endsWith('.md')
            ? await index.deleteDocument(change.path)
            : await index.fileChanged(change.path)
          : await index.setDocument(change.path, change.text);
        const after = snapshot(index);
        const context = `seed ${seed}, step ${step}: ${edit.describe} (${change.path})`;

        for (const file of new Set([...before.keys(), ...after.keys()])) {
          if (before.get(file) !== after.get(file))
            assert.ok(affected.has(file), `${context}: findings of ${file} changed but it was not reported as affected`);
        }
        const full = await newIndex(fs);
        assert.deepEqual(after, snapshot(full), `${context}: incremental findings differ from a full re-check`);
        assert.deepEqual(index.coverage(), full.coverage(), `${context}: coverage differs from a full re-check`);
      }
    }
  });

  it('re-reads only the changed file', async () => {
    const fs = new MemoryFileSystem();
    for (const [path, text] of Object.entries(exampleTexts())) fs.write(`${ROOT}/${path}`, text);
    const index = await newIndex(fs);
    fs.reads = 0;
    await index.setDocument('sms/policies/sms-policy.md');
    assert.equal(fs.reads, 1);
    fs.reads = 0;
    await index.setDocument('sms/policies/sms-policy.md', `${read(fs, 'sms/policies/sms-policy.md')}\nEdited in the editor.\n`);
    assert.equal(fs.reads, 0, 'an editor buffer is used as given, without reading the disk');
  });

  it('prefers the editor buffer over the disk', async () => {
    const fs = new MemoryFileSystem({ [`${ROOT}/sms/a.md`]: '---\nid: A\ntitle: A\ntype: process\nclauses: [8.6.1]\n---\n' });
    const index = await newIndex(fs);
    await index.setDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: process\nclauses: [8.6.9]\n---\n');
    assert.ok(index.findingsFor('sms/a.md').some((f) => f.ruleId === 'clause.unknown'));
  });
});
