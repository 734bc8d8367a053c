import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { MARKING_DOCUMENTS_URL } from '../../src/core/reports/noDocumentsNotice.js';
import { clausemarkInProcess } from '../support/cli.js';
import { tempRepository } from '../support/cliRunner.js';
import { documentText } from '../support/repository.js';

describe('a repository where no SMS document is recognised', () => {
  it('says so in one line of the text output, pointing at the README section on marking documents', async () => {
    const folder = tempRepository({ 'docs/readme.md': '# Notes\n', 'docs/page.md': '---\ntitle: A page\n---\n# Page\n' });
    try {
      const result = await clausemarkInProcess(['check', '--no-cache', '--today', '2026-11-21'], folder);
      const notices = result.stdout.split('\n').filter((line) => line.startsWith('No SMS document recognised'));
      assert.deepEqual(notices, [
        `No SMS document recognised among 2 Markdown files: put them under \`smsFolders\` or give them SMS frontmatter, see ${MARKING_DOCUMENTS_URL}`,
      ]);
      // Only the text output: JSON stays machine-readable.
      assert.doesNotMatch((await clausemarkInProcess(['check', '--no-cache', '--format', 'json'], folder)).stdout, /No SMS document recognised/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is silent when a document is recognised, or when there is no Markdown at all', async () => {
    const some = tempRepository({ 'docs/readme.md': '# Notes\n', 'sms/p.md': documentText() });
    const none = tempRepository({ 'clausemark.json': '{}\n' });
    try {
      assert.doesNotMatch((await clausemarkInProcess(['check', '--no-cache'], some)).stdout, /No SMS document recognised/);
      assert.doesNotMatch((await clausemarkInProcess(['check', '--no-cache'], none)).stdout, /No SMS document recognised/);
    } finally {
      rmSync(some, { recursive: true, force: true });
      rmSync(none, { recursive: true, force: true });
    }
  });

  it('links to a heading the README has', () => {
    const slugger = new GithubSlugger();
    const anchors = new Set([...readFileSync('README.md', 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugger.slug(match[1]!)));
    assert.ok(anchors.has(MARKING_DOCUMENTS_URL.split('#')[1]!), MARKING_DOCUMENTS_URL);
  });
});
