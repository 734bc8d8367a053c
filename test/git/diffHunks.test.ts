import assert from 'node:assert/strict';
import { gitChanges, parseAddedLines } from '../../src/core/git/gitChanges.js';
import { GitRepository } from '../support/gitRepository.js';

describe('diff hunks are read by their line counts', function () {
  this.timeout(60_000);

  it('an added line `++ b/elsewhere.md` (printed `+++ b/elsewhere.md`) is not a file header', () => {
    const patch = [
      'diff --git a/sms/a.md b/sms/a.md',
      '--- a/sms/a.md',
      '+++ b/sms/a.md',
      '@@ -2,0 +3,2 @@',
      '+++ b/elsewhere.md',
      '+--- a/other.md',
      '@@ -9 +11 @@',
      '-old',
      '+new',
      '\\ No newline at end of file',
    ].join('\n');
    assert.deepEqual(
      [...parseAddedLines(patch)],
      [
        [
          'sms/a.md',
          [
            [3, 4],
            [11, 11],
          ],
        ],
      ],
    );
  });

  it('with real git: later hunks of the file keep their lines', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const repository = GitRepository.create({ 'sms/a.md': `${lines.join('\n')}\n` });
    try {
      const changed = [...lines];
      changed.splice(2, 0, '++ b/elsewhere.md');
      changed[25] = 'line 25 changed';
      repository.write({ 'sms/a.md': `${changed.join('\n')}\n` });
      const changes = await gitChanges(repository.root, 'HEAD');
      assert.ok(!('error' in changes), 'error' in changes ? changes.error : '');
      assert.deepEqual(
        [...changes.lines.entries()],
        [
          [
            'sms/a.md',
            [
              [3, 3],
              [26, 26],
            ],
          ],
        ],
      );
    } finally {
      repository.remove();
    }
  });
});
