import assert from 'node:assert/strict';
import { FILE_SUGGESTION_COMPARISONS, RUN_SUGGESTION_COMPARISONS, SuggestionBudget } from '../../src/core/catalog/suggestionBudget.js';
import { tooManyGlobstarsReason, unsafeGlobReason } from '../../src/core/config/globSafety.js';
import { loadProject } from '../../src/core/config/loadProject.js';
import type { Finding } from '../../src/core/model/finding.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, indexOf } from '../support/repository.js';

// Inputs that took minutes before their work was bounded; each now takes well under a second. The timeouts
// are generous on purpose: what is asserted is the bounded work (suggestions given, patterns refused), not time.
describe('hostile input: bounded work', function () {
  this.timeout(60_000);

  const suggested = (finding: Finding): boolean => (finding.data?.suggestions ?? []).length > 0;

  it('1,000 claims naming no heading of 8,000: the slugs are listed once and suggestions stop at the file budget', async () => {
    const headings = Array.from({ length: 8000 }, (_, i) => `## Heading ${i}\n`).join('\n');
    const claims = Array.from({ length: 1000 }, (_, i) => `\n  - clause: 8.6.1\n    section: missing-${i}`).join('');
    const { index } = await indexOf({ 'sms/p.md': documentText({ clauses: claims }, headings) });
    const unknown = index.findingsFor('sms/p.md').filter((finding) => finding.ruleId === 'clause.unknown-section');
    assert.equal(unknown.length, 1000, 'every unknown section is still reported');
    const withSuggestions = unknown.filter(suggested).length;
    assert.ok(withSuggestions > 0, 'the first ones still get a "did you mean"');
    assert.ok(withSuggestions <= FILE_SUGGESTION_COMPARISONS / 8000, `${withSuggestions} suggestion lookups of 8,000 slugs each`);
    assert.doesNotMatch(unknown.at(-1)!.message, /did you mean/);
  });

  it('1,000 unknown related ids against 400 documents: all reported, suggestions within the file budget', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`sms/d${i}.md`] = documentText({ id: `DOC-${i}` });
    files['sms/list.md'] = documentText({ id: 'LIST', related: `\n${Array.from({ length: 1000 }, (_, i) => `  - DOC-X${i}`).join('\n')}` });
    const { index } = await indexOf(files);
    const unknown = index.allFindings().filter((finding) => finding.ruleId === 'trace.unknown-related');
    assert.equal(unknown.length, 1000);
    const withSuggestions = unknown.filter(suggested).length;
    assert.ok(withSuggestions > 0);
    assert.ok(withSuggestions <= FILE_SUGGESTION_COMPARISONS / 401, `${withSuggestions} lookups of 401 ids each`);
  });

  it('a run budget shared by its files: once spent, no file gets more suggestions', () => {
    // Scattered ids, so each lookup is quick and finds exactly the id typed (when it is paid for).
    const candidates = Array.from({ length: 10_000 }, (_, i) => ((i * 2654435761) % 2 ** 32).toString(36).padStart(7, 'z'));
    const run = SuggestionBudget.forRun();
    let answered = 0;
    for (let file = 0; file < 20; file++) {
      const budget = run.forFile();
      for (let i = 0; i < 10; i++) if (budget.nearest(candidates[file * 10 + i]!, candidates, 1).length > 0) answered++;
    }
    assert.equal(answered, RUN_SUGGESTION_COMPARISONS / candidates.length);
    // A value already paid for costs nothing again: a renamed id referred to many times keeps its suggestion.
    const file = SuggestionBudget.forRun().forFile();
    for (let i = 0; i < 100; i++) assert.deepEqual(file.nearest(`${candidates[7]}x`, candidates, 1), [candidates[7]]);
  });

  it('a 5 MB `clauses` list is not parsed; a list of 1,500 entries is read up to 1,000', async () => {
    const huge = Array.from({ length: (5 * 1024 * 1024) / 16 }, (_, i) => `\n  - 8.6.${i % 10}.1234`).join('');
    const related = Array.from({ length: 1500 }, (_, i) => `\n  - DOC-${i}`).join('');
    const { index } = await indexOf({ 'sms/huge.md': documentText({ clauses: huge }), 'sms/long.md': documentText({ id: 'LONG', related }) });
    const hugeFindings = index.findingsFor('sms/huge.md');
    assert.deepEqual(
      hugeFindings.map((finding) => `${finding.ruleId} ${finding.range?.start.line}`),
      ['frontmatter.too-large 1'],
    );
    assert.match(hugeFindings[0]!.message, /^The frontmatter is \d{4} KB, over the 128 KB/);
    assert.equal(index.documentAt('sms/huge.md'), undefined);
    const long = index.findingsFor('sms/long.md').filter((finding) => finding.ruleId === 'frontmatter.too-large');
    // documentText puts `related:` on line 13, after its default fields: entry 1,001 is on line 1,014.
    assert.deepEqual(
      long.map((finding) => `${finding.range?.start.line} ${finding.message}`),
      ['1014 `related` has 1500 entries; Clausemark reads the first 1000, and the rest are not checked.'],
    );
    assert.equal(index.documentAt('sms/long.md')?.related.length, 1000);
  });

  it('a glob with more than three `**` segments is refused, at its line in the config', async () => {
    const deep = '**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/a/**';
    assert.match(tooManyGlobstarsReason(deep) ?? '', /11 `\*\*` segments/);
    assert.equal(unsafeGlobReason('docs/**/drafts/**/*.md'), undefined);
    assert.equal(unsafeGlobReason('**/a/**/b/**'), undefined);
    const fs = new MemoryFileSystem({ '/repo/clausemark.json': `{\n  "exclude": [\n    "${deep}"\n  ]\n}\n`, '/repo/.git/HEAD': 'ref: refs/heads/main\n' });
    const loaded = await loadProject({ start: '/repo', fs });
    assert.equal(loaded.ok, false);
    if (loaded.ok) return;
    assert.deepEqual(
      loaded.problems.map((problem) => `${problem.file}:${problem.range?.start.line} ${problem.message.split(':')[0]}`),
      ['/repo/clausemark.json:3 `exclude` pattern `' + deep + '` is refused'],
    );
  });
});
