import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRepository, type CheckResult } from '../../src/core/check.js';
import { parseAddedLines } from '../../src/core/git/gitChanges.js';
import { resolveCommit } from '../../src/core/git/gitRevision.js';
import { GitTreeFileSystem, openGitTree } from '../../src/core/git/gitTreeFileSystem.js';
import { copyExample } from '../support/exampleCopy.js';
import { git, GitRepository } from '../support/gitRepository.js';
import { describeFinding, documentText, TODAY } from '../support/repository.js';

/** Everything a check reports, in comparable form. */
function summary(result: CheckResult): unknown {
  return {
    findings: result.findings.map((finding) => `${describeFinding(finding)} ${finding.message}`),
    coverage: result.coverage.clauses.map((clause) => [
      clause.clause,
      clause.status,
      clause.documents.map((document) => document.id),
      clause.evidence.map((item) => item.state),
    ]),
    stats: result.stats,
  };
}

async function checkBothWays(root: string): Promise<{ disk: unknown; tree: unknown }> {
  const commit = await resolveCommit(root, 'HEAD');
  assert.ok(commit.ok);
  const tree = await openGitTree(commit.gitRoot, commit.commit);
  assert.ok(tree instanceof GitTreeFileSystem);
  const fromDisk = await checkRepository({ cwd: root, now: () => TODAY });
  const fromTree = await checkRepository({ cwd: root, now: () => TODAY, fs: tree });
  assert.ok(fromDisk.ok && fromTree.ok);
  return { disk: summary(fromDisk.result), tree: summary(fromTree.result) };
}

describe('a git commit as a file system', function () {
  this.timeout(60_000);

  it('checks a commit exactly as the same files on disk: the example SMS', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-example-'));
    try {
      copyExample(folder);
      git(folder, 'init', '--quiet');
      git(folder, 'add', '-A');
      git(folder, '-c', 'user.name=Tests', '-c', 'user.email=tests@clausemark.invalid', 'commit', '--quiet', '-m', 'example');
      const { disk, tree } = await checkBothWays(folder);
      assert.deepEqual(tree, disk);
      assert.ok((disk as { findings: string[] }).findings.length > 5, 'the example has findings to compare');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('follows symlinks inside the commit, and sees those that lead out of it, binary files and nested folders as on disk', async () => {
    const repository = GitRepository.create({
      'sms/a.md': documentText({
        evidence:
          '\n  - path: ../records/latest.md\n    date: 2026-10-01\n  - path: ../outside/passwd\n    date: 2026-10-01\n  - path: ../records/none.md\n    date: 2026-10-01',
        related: '[PRC-X]',
      }),
      'records/2026-10.md': 'October\n',
      'sms/deep/nested/b.md': documentText({ id: 'PRC-B', clauses: '\n  - 8.6.2' }),
      'sms/binary.md': '\u0000\u0001binary',
      '.hidden/c.md': documentText({ id: 'PRC-HIDDEN' }),
    });
    try {
      symlinkSync('2026-10.md', join(repository.root, 'records/latest.md'));
      symlinkSync('/etc', join(repository.root, 'outside'));
      repository.commit('links');
      const { disk, tree } = await checkBothWays(repository.root);
      assert.deepEqual(tree, disk);
      const findings = (disk as { findings: string[] }).findings.join('\n');
      assert.match(findings, /evidence\.outside-repository/);
      assert.match(findings, /evidence\.missing-file/);
      assert.match(findings, /file\.unreadable/);
    } finally {
      repository.remove();
    }
  });

  it('reads the lines a zero-context diff adds, including quoted paths', () => {
    const patch = [
      'diff --git a/sms/a.md b/sms/a.md',
      '--- a/sms/a.md',
      '+++ b/sms/a.md',
      '@@ -3 +3,2 @@',
      '@@ -10,2 +11,0 @@',
      '@@ -20 +20 @@',
      'diff --git "a/sms/tab\\there.md" "b/sms/tab\\there.md"',
      '+++ "b/sms/tab\\there.md"',
      '@@ -0,0 +1,4 @@',
      '--- a/sms/gone.md',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
    ].join('\n');
    assert.deepEqual(
      [...parseAddedLines(patch)],
      [
        [
          'sms/a.md',
          [
            [3, 4],
            [20, 20],
          ],
        ],
        ['sms/tab\there.md', [[1, 4]]],
      ],
    );
  });
});
