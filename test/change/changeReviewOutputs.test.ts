import assert from 'node:assert/strict';
import type { ChangeJson } from '../../src/core/reports/changeJson.js';
import { renderChangeMarkdown } from '../../src/core/reports/changeMarkdown.js';
import type { JsonReport } from '../../src/core/reports/jsonReport.js';
import { clausemark } from '../support/cliRunner.js';
import { GitRepository, reviewOf } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';

const CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: 'Policy', parent: '1' },
    { id: '1.2', title: 'Operation', parent: '1' },
  ],
});

const POLICY = { id: 'POL-SMS', type: 'policy', title: 'SMS policy', clauses: '\n  - 1.1\n  - 9.9' };
const PROCESS = { id: 'PRC-OPS', title: 'Operations', clauses: '\n  - 1.2' };

/** main: the policy claims an unknown clause (an error). The branch fixes that and adds four errors elsewhere. */
function pullRequest(): GitRepository {
  const repository = GitRepository.create({
    'clausemark.json': '{\n  "catalog": "./catalog.json"\n}\n',
    'catalog.json': CATALOG,
    'sms/policy.md': documentText(POLICY),
    'sms/process.md': documentText(PROCESS, '# Purpose\n\nHow we operate.\n'),
  });
  repository.branch('feature');
  repository.write({
    'sms/policy.md': documentText({ ...POLICY, clauses: '\n  - 1.1' }),
    'sms/process.md': documentText({ ...PROCESS, related: '[NOPE-1, NOPE-2, NOPE-3, NOPE-4]' }, '# Purpose\n\nHow we operate now.\n'),
  });
  repository.commit('feature');
  return repository;
}

const ARGS = ['--today', '2026-11-21', '--no-cache'];

describe('reviewing a pull request through the real CLI', function () {
  this.timeout(120_000);
  let repository: GitRepository;
  before(() => {
    repository = pullRequest();
  });
  after(() => repository.remove());

  it('`diff` and `check --base` agree by default: the same new errors fail both with exit 1', () => {
    const check = clausemark(['check', '--base', 'main', '--head', 'feature', '--format', 'json', ...ARGS], repository.root);
    const diff = clausemark(['diff', 'main', 'feature', '--format', 'json', ...ARGS], repository.root);
    assert.equal(check.stderr, '');
    assert.equal(diff.stderr, '');
    const errors = (run: { stdout: string }): number =>
      (JSON.parse(run.stdout) as JsonReport).findings.filter((finding) => finding.severity === 'error').length;
    assert.equal(errors(check), 4);
    assert.equal(errors(diff), 4);
    assert.equal(check.status, 1);
    assert.equal(diff.status, 1, 'diff fails on new errors as check --base does');
    // Default formats too (text for check, the PR comment for diff), and the same --fail-on never opt-out.
    assert.equal(clausemark(['check', '--base', 'main', '--head', 'feature', ...ARGS], repository.root).status, 1);
    assert.equal(clausemark(['diff', 'main', 'feature', ...ARGS], repository.root).status, 1);
    assert.equal(clausemark(['diff', 'main', 'feature', '--fail-on', 'never', ...ARGS], repository.root).status, 0);
    assert.equal(clausemark(['check', '--base', 'main', '--head', 'feature', '--fail-on', 'never', ...ARGS], repository.root).status, 0);
    assert.match(clausemark(['diff', '--help'], repository.root).stdout, /--fail-on LEVEL .*error \(default/);
  });

  it('`diff` exits 0 where the change adds no error, like `check --base`', () => {
    assert.equal(clausemark(['diff', 'main', 'main', ...ARGS], repository.root).status, 0);
    assert.equal(clausemark(['check', '--base', 'main', '--head', 'main', ...ARGS], repository.root).status, 0);
  });

  it("annotates the version and approval that a change left alone on the document's first changed line, or on the file", () => {
    const result = clausemark(['check', '--base', 'main', '--head', 'feature', '--format', 'github', ...ARGS], repository.root);
    const annotations = result.stdout.trim().split('\n');
    const firstChangedLine = Number(/^@@ -\d+(?:,\d+)? \+(\d+)/m.exec(repository.git('diff', '-U0', 'main', 'feature', '--', 'sms/process.md'))?.[1]);
    assert.ok(firstChangedLine > 1);
    for (const rule of ['change.version-not-bumped', 'change.approval-not-renewed']) {
      const edited = annotations.find((line) => line.includes('file=sms/process.md,') && line.includes(`title=${rule}::`));
      assert.ok(edited, `${rule} is annotated on the edited process: ${result.stdout}`);
      assert.match(edited, new RegExp(`^::warning file=sms/process\\.md,line=${firstChangedLine},`));
      // The field it is about is named in the message as the related place.
      assert.match(edited, /%0A↳ sms\/process\.md:\d+:\d+ the field this is about/);
      // The policy only lost a line: nothing on the head to point at, so the annotation is on the file.
      const shortened = annotations.find((line) => line.includes('file=sms/policy.md,') && line.includes(`title=${rule}::`));
      assert.match(shortened ?? '', /^::warning file=sms\/policy\.md,title=/);
    }
  });

  it('lists the findings the change fixes, with their count, in text, JSON and the Markdown comment', () => {
    const json = JSON.parse(clausemark(['diff', 'main', 'feature', '--format', 'json', ...ARGS], repository.root).stdout) as { change: ChangeJson };
    assert.equal(json.change.fixedFindings, 1);
    assert.deepEqual(
      json.change.fixed.map((finding) => `${finding.file} ${finding.ruleId}`),
      ['sms/policy.md clause.unknown'],
    );
    assert.match(json.change.fixed[0]!.message, /9\.9/);

    const text = clausemark(['check', '--base', 'main', '--head', 'feature', ...ARGS], repository.root).stdout;
    assert.match(text, /Against main \([0-9a-f]{7}\): 8 new findings, 1 fixed, 2 SMS documents changed\./);
    assert.match(text, /^Fixed by this change \(1 finding on main .*\):\n {2}sms\/policy\.md:\d+:\d+ {2}error {2}clause\.unknown {2}.*9\.9/m);

    const markdown = clausemark(['diff', 'main', 'feature', ...ARGS], repository.root).stdout;
    assert.match(markdown, /1 fixed, coverage/);
    assert.match(
      markdown,
      /### Findings this change fixes\n\n\| Location \| Severity \| Rule \| Message \|\n\| --- \| --- \| --- \| --- \|\n\| sms\/policy\.md:\d+ \| error \| <code>clause\.unknown<\/code> \|/,
    );

    const none = JSON.parse(clausemark(['diff', 'main', 'main', '--format', 'json', ...ARGS], repository.root).stdout) as { change: ChangeJson };
    assert.equal(none.change.fixedFindings, 0);
    assert.deepEqual(none.change.fixed, []);
  });
});

describe('the fixed findings in the change comment', function () {
  this.timeout(120_000);

  it('fold into <details> when long and share the size budget, after the new findings', async () => {
    const base: Record<string, string> = { 'clausemark.json': '{\n  "catalog": "./catalog.json"\n}\n', 'catalog.json': CATALOG };
    const head: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      const fields = { id: `DOC-${i}`, title: `Document ${i}`, version: '"1.0"', clauses: '\n  - 1.2' };
      base[`sms/doc-${i}.md`] = documentText({ ...fields, related: `[MISSING-${i}]` });
      head[`sms/doc-${i}.md`] = documentText({ ...fields, version: '"1.1"', approved_on: '2026-11-20' });
    }
    const { review, repository } = await reviewOf(base, head);
    try {
      assert.equal(review.fixedFindings.length, 40);
      const roomy = renderChangeMarkdown(review, { toolVersion: '0.0.0', collapseAbove: 15 });
      assert.match(roomy, /### Findings this change fixes\n\n<details><summary>40 findings<\/summary>/);
      assert.doesNotMatch(roomy, /not shown here/);
      // Tight enough that the fixed findings (about 5,000 characters) cannot all fit beside the other lists' shares.
      const tight = renderChangeMarkdown(review, { toolVersion: '0.0.0', collapseAbove: 15, maxLength: 8_000 });
      assert.ok(tight.length < 8_000, `comment length ${tight.length}`);
      assert.match(
        tight,
        /### Findings this change fixes[^]*…and \d+ more findings? not shown here; run `clausemark diff --format json` \(`change.fixed`\) for the full list\./,
      );
    } finally {
      repository.remove();
    }
  });
});
