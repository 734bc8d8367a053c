import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check.js';
import type { GitRunner } from '../../src/core/git/blobReader.js';
import { gitChanges } from '../../src/core/git/gitChanges.js';
import { GitTreeFileSystem, openGitTree } from '../../src/core/git/gitTreeFileSystem.js';
import { runGit } from '../../src/core/git/runGit.js';
import { GitRepository } from '../support/gitRepository.js';
import { describeFinding, documentText, TODAY } from '../support/repository.js';

/** Stores `content` as a blob of the repository and returns its id. */
function storeBlob(repository: GitRepository, content: string): string {
  const result = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: repository.root, input: content, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

/** Adds entries (`<mode> <object>\t<path>` lines) to the index without touching the working tree, then commits. */
function commitEntries(repository: GitRepository, lines: string[]): string {
  const result = spawnSync('git', ['update-index', '--add', '--index-info'], { cwd: repository.root, input: `${lines.join('\n')}\n`, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  repository.git('commit', '--quiet', '-m', 'hostile');
  return repository.git('rev-parse', 'HEAD');
}

/** A git runner that counts the processes it starts, how many run at once, and keeps what each was given to read. */
function countingRunner(): { run: GitRunner; spawns: number; peak: number; inputs: string[] } {
  const counts = { spawns: 0, peak: 0, inputs: [] as string[], run: undefined as unknown as GitRunner };
  let running = 0;
  counts.run = async (cwd, args, input) => {
    counts.spawns++;
    counts.peak = Math.max(counts.peak, ++running);
    counts.inputs.push(input ?? '');
    try {
      return await runGit(cwd, args, input);
    } finally {
      running--;
    }
  };
  return counts;
}

describe('a hostile base revision: blobs are read with a size limit, by one git process at a time', function () {
  this.timeout(120_000);
  let repository: GitRepository;
  let commit: string;
  let hugeBlob: string;
  let largeDocumentBlob: string;
  const LINKS = 2_000; // scaled down from the 10,000 that started 6,658 git processes at once

  before(() => {
    repository = GitRepository.create({ 'clausemark.json': '{ "maxFileSizeKB": 1024 }', 'sms/p.md': documentText({ clauses: '\n  - 99.9' }) });
    // Scaled down from twelve links to one 400 MB blob: the link limit is a path's length, not memory.
    hugeBlob = storeBlob(repository, 'x'.repeat(1024 * 1024));
    // Over the limit, and over the size read ahead when files are listed.
    largeDocumentBlob = storeBlob(repository, documentText({ id: 'PRC-LARGE' }, 'words '.repeat(250_000)));
    const target = storeBlob(repository, '../p.md');
    commit = commitEntries(repository, [
      ...Array.from({ length: 12 }, (_, i) => `120000 ${hugeBlob}\tsms/huge-${i}.md`),
      ...Array.from({ length: LINKS }, (_, i) => `120000 ${target}\tsms/links/l${i}.md`),
      `100644 ${largeDocumentBlob}\tsms/large.md`,
    ]);
  });

  after(() => repository.remove());

  it(`${LINKS} links and a check of the whole commit: one git process at a time, a handful in all`, async () => {
    const counts = countingRunner();
    const tree = await openGitTree(repository.root, commit, counts.run);
    assert.ok(tree instanceof GitTreeFileSystem);
    const outcome = await checkRepository({ cwd: repository.root, fs: tree, now: () => TODAY });
    assert.ok(outcome.ok);
    assert.ok(counts.spawns >= 2, 'the injected runner listed the tree and read the blobs');
    assert.equal(counts.peak, 1, 'never two git processes at once');
    assert.ok(counts.spawns <= 4, `${counts.spawns} git processes`);
    assert.equal((await tree.stat(join(repository.root, 'sms/links/l1999.md')))?.kind, 'file', 'small links still resolve');
  });

  it('a link whose target is a huge blob is not read: it leads nowhere', async () => {
    const counts = countingRunner();
    const tree = await openGitTree(repository.root, commit, counts.run);
    assert.ok(tree instanceof GitTreeFileSystem);
    assert.equal(await tree.stat(join(repository.root, 'sms/huge-0.md')), undefined);
    assert.equal(await tree.realpath(join(repository.root, 'sms/huge-11.md')), undefined);
    assert.ok(counts.spawns >= 2, 'the injected runner listed the tree and read the link targets');
    assert.ok(
      counts.inputs.every((input) => !input.includes(hugeBlob)),
      'the huge blob was never asked of git',
    );
  });

  it('a document blob over maxFileSizeKB gets its finding and is never read', async () => {
    const counts = countingRunner();
    const tree = await openGitTree(repository.root, commit, counts.run);
    assert.ok(tree instanceof GitTreeFileSystem);
    const outcome = await checkRepository({ cwd: repository.root, fs: tree, now: () => TODAY });
    assert.ok(outcome.ok);
    const large = outcome.result.findings.filter((finding) => finding.file === 'sms/large.md');
    assert.deepEqual(large.map(describeFinding), ['sms/large.md:1:1-1:1 file.unreadable']);
    assert.match(large[0]!.message, /over the 1024 KB limit/);
    assert.ok(counts.spawns >= 2, 'the injected runner read the blobs');
    assert.ok(
      counts.inputs.every((input) => !input.includes(largeDocumentBlob)),
      'the large blob was never asked of git',
    );
    assert.ok(
      outcome.result.findings.some((finding) => finding.file === 'sms/p.md' && finding.ruleId === 'clause.unknown'),
      'the rest is checked',
    );
  });
});

describe('a change deleting a huge file', function () {
  this.timeout(60_000);

  it('the deleted content is not part of the diff read for changed lines', async () => {
    const repository = GitRepository.create({ 'sms/p.md': documentText(), 'data/huge.txt': 'line\n'.repeat(200_000) });
    try {
      repository.write({ 'data/huge.txt': undefined, 'sms/p.md': documentText({ clauses: '\n  - 8.6.2' }) });
      const outputs: number[] = [];
      const changes = await gitChanges(repository.root, 'HEAD', undefined, async (cwd, args, input) => {
        const output = await runGit(cwd, args, input);
        if (output.ok) outputs.push(output.stdout.byteLength);
        return output;
      });
      assert.ok(!('error' in changes));
      assert.deepEqual([...changes.files].sort(), ['data/huge.txt', 'sms/p.md']);
      assert.ok(outputs.length >= 2, 'the injected runner ran the diffs');
      assert.ok(Math.max(...outputs) < 10_000, `git gave ${Math.max(...outputs)} bytes for a 1 MB deletion`);
    } finally {
      repository.remove();
    }
  });
});
