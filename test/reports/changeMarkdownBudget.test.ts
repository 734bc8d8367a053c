import assert from 'node:assert/strict';
import { renderChangeMarkdown } from '../../src/core/reports/changeMarkdown.js';
import { reviewOf } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';

// GitHub refuses a comment body over 65,536 characters, so the PR comment must fit whatever the change.
describe('the PR comment stays within its length limit', function () {
  this.timeout(180_000);

  it('1,000 documents relying on one changed policy, 300 of them edited with long titles', async () => {
    const long = 'A very long title that goes on '.repeat(5);
    const base: Record<string, string> = { 'sms/policy.md': documentText({ id: 'POL', type: 'policy', clauses: '\n  - 4.1' }) };
    for (let i = 0; i < 1000; i++)
      base[`sms/d${i}.md`] = documentText({ id: `DOC-${i}`, title: `Document ${i}`, related: '\n  - POL', clauses: `\n  - 8.${1 + (i % 7)}.1` });
    const head: Record<string, string> = { 'sms/policy.md': documentText({ id: 'POL', type: 'policy', clauses: '\n  - 4.1' }, '# Purpose\n\nChanged.\n') };
    // Edited without a version bump and with new unknown clauses: new findings, changed documents and moved clauses.
    for (let i = 0; i < 300; i++)
      head[`sms/d${i}.md`] = documentText({ id: `DOC-${i}`, title: `${long}${i}`, related: '\n  - POL', clauses: `\n  - 9.9.${i}` }, '# Purpose\n\nEdited.\n');
    const { review, repository } = await reviewOf(base, head);
    try {
      assert.ok(review.suspects.length >= 700, `${review.suspects.length} suspect links`);
      const body = renderChangeMarkdown(review, { toolVersion: '0.0.0', linkBase: 'https://github.com/o/r/blob/abc/' });
      assert.ok(body.length <= 60_000, `${body.length} characters`);
      assert.match(body, /…and \d+ more document links not shown here/);
      assert.match(body, /…and \d+ more documents not shown here/);
      assert.match(body, /…and \d+ more findings? not shown here/);
      // Each list still shows its first entries.
      assert.match(body, /### Documents changed[\s\S]*DOC-0/);
      assert.match(body, /### Re-review \(suspect links\)[\s\S]*DOC-300/);
      const tight = renderChangeMarkdown(review, { toolVersion: '0.0.0', maxLength: 20_000 });
      assert.ok(tight.length <= 20_000, `${tight.length} characters with maxLength 20,000`);
    } finally {
      repository.remove();
    }
  });
});
