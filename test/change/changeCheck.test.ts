import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { newly } from '../../src/core/change/coverageDelta.js';
import { checkChange } from '../../src/core/change/checkChange.js';
import type { ChangeJson } from '../../src/core/reports/changeJson.js';
import type { JsonReport } from '../../src/core/reports/jsonReport.js';
import { FINGERPRINT_KEY } from '../../src/core/model/findingFingerprint.js';
import { clausemarkInProcess } from '../support/cli.js';
import { git, GitRepository, reviewOf } from '../support/gitRepository.js';
import { documentText, TODAY } from '../support/repository.js';
import { assertValidSarif } from '../support/sarifSchema.js';

const CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: 'Policy', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
    { id: '1.2', title: 'Operation', parent: '1', records: [{ description: 'operation records' }] },
    { id: '1.3', title: 'Planning', parent: '1' },
    { id: '1.4', title: 'Review', parent: '1' },
  ],
});

/** A small SMS on main with one finding already there (an unknown clause in the plan). */
const BASE: Record<string, string> = {
  'clausemark.json': '{\n  "catalog": "./catalog.json"\n}\n',
  'catalog.json': CATALOG,
  'sms/policy.md': documentText({ id: 'POL-SMS', type: 'policy', title: 'SMS policy', clauses: '\n  - 1.1' }),
  'sms/process.md': documentText({
    id: 'PRC-OPS',
    title: 'Operations',
    clauses: '\n  - 1.2',
    related: '[POL-SMS]',
    evidence: '\n  - path: ../records/log.csv\n    date: 2026-10-01',
  }),
  'records/log.csv': 'day,count\n',
  'sms/plan.md': documentText({
    id: 'PLN-1',
    type: 'plan',
    title: 'Plan',
    status: 'draft',
    version: '"0.1"',
    approved_by: undefined,
    approved_on: undefined,
    clauses: '\n  - 1.3\n  - 9.9',
  }),
  'sms/review.md': documentText({ id: 'PRC-REV', title: 'Management review', clauses: '\n  - 1.4' }),
};

/** The pull request: the policy edited without a new version, the plan approved, the review retired, one new document. */
const HEAD: Record<string, string | undefined> = {
  'sms/policy.md': documentText({ id: 'POL-SMS', type: 'policy', title: 'SMS policy', clauses: '\n  - 1.1' }, '# Purpose\n\nNew wording.\n'),
  'sms/plan.md': documentText({ id: 'PLN-1', type: 'plan', title: 'Plan', version: '"1.0"', approved_on: '2026-11-20', clauses: '\n  - 1.3\n  - 9.9' }),
  'sms/review.md': documentText({ id: 'PRC-REV', title: 'Management review', status: 'retired', clauses: '[]' }),
  'sms/new.md': documentText({ id: 'PRC-NEW', title: 'New process', clauses: '\n  - 1.3', related: '[PRC-NOPE]' }),
  'records/log.csv': 'day,count\n2026-10-01,4\n',
};

function pullRequest(): GitRepository {
  const repository = GitRepository.create(BASE);
  repository.branch('feature');
  repository.write(HEAD);
  repository.commit('feature');
  return repository;
}

const TODAY_ARGS = ['--today', '2026-11-21', '--no-cache'];

describe('reviewing a change against its base revision', function () {
  this.timeout(120_000);
  let repository: GitRepository;
  before(() => {
    repository = pullRequest();
  });
  after(() => repository.remove());

  it('reports only the findings the change introduced, each marked new; --all keeps the rest, marked unchanged', async () => {
    const result = await clausemarkInProcess(['check', '--base', 'main', '--format', 'json', ...TODAY_ARGS], repository.root);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1, 'new errors fail the check');
    const report = JSON.parse(result.stdout) as JsonReport;
    const rules = report.findings.map((finding) => `${finding.file} ${finding.ruleId}`).sort();
    assert.deepEqual(rules, [
      'clausemark.json coverage.uncovered-clause',
      'sms/new.md trace.unknown-related',
      'sms/policy.md change.approval-not-renewed',
      'sms/policy.md change.version-not-bumped',
      'sms/process.md change.suspect-link',
      'sms/process.md change.suspect-link',
      'sms/review.md change.last-coverage-removed',
    ]);
    assert.ok(report.findings.every((finding) => finding.baselineState === 'new'));
    const change = (JSON.parse(result.stdout) as { change: ChangeJson }).change;
    assert.equal(change.base.ref, 'main');
    assert.equal(change.head.commit, null, 'the working tree');
    assert.equal(change.newFindings, report.findings.length);
    assert.deepEqual(
      change.coverage.clauses.filter((clause) => clause.before !== clause.after).map((clause) => [clause.clause, clause.before, clause.after]),
      [
        ['1.3', 'partial', 'covered'],
        ['1.4', 'covered', 'uncovered'],
      ],
    );
    assert.deepEqual(
      change.reReview.map((item) => [item.id, item.via, item.target]),
      [
        ['PRC-OPS', 'related', 'POL-SMS'],
        ['PRC-OPS', 'evidence', 'records/log.csv'],
      ],
    );

    const scoped = JSON.parse(
      (await clausemarkInProcess(['check', 'sms/policy.md', '--base', 'main', '--format', 'json', ...TODAY_ARGS], repository.root)).stdout,
    ) as JsonReport;
    assert.deepEqual(
      [...new Set(scoped.findings.map((finding) => finding.file))].sort(),
      ['clausemark.json', 'sms/policy.md'],
      'paths limit the change findings too',
    );

    const all = JSON.parse(
      (await clausemarkInProcess(['check', '--base', 'main', '--all', '--format', 'json', ...TODAY_ARGS], repository.root)).stdout,
    ) as JsonReport;
    const unknownClause = all.findings.find((finding) => finding.ruleId === 'clause.unknown');
    // The plan's lines moved (approval fields were added above the claim), yet the finding is the same one.
    assert.equal(unknownClause?.file, 'sms/plan.md');
    assert.equal(unknownClause?.baselineState, 'unchanged');
    assert.equal(all.findings.filter((finding) => finding.baselineState === 'new').length, report.findings.length);
  });

  it('gives the coverage delta with the documents responsible', async () => {
    const outcome = await checkChange({ cwd: repository.root, base: 'main', now: () => TODAY });
    assert.ok(outcome.ok);
    const { delta } = outcome.review;
    assert.deepEqual(
      newly(delta, 'covered').map((clause) => [clause.clause, clause.before, clause.documentsAdded]),
      [['1.3', 'partial', ['PRC-NEW']]],
    );
    assert.deepEqual(
      newly(delta, 'uncovered').map((clause) => [clause.clause, clause.before, clause.documentsRemoved]),
      [['1.4', 'covered', ['PRC-REV']]],
    );
    assert.deepEqual(newly(delta, 'partial'), []);
    assert.deepEqual([delta.before.covered, delta.before.partial, delta.before.uncovered], [3, 1, 0]);
    assert.deepEqual([delta.after.covered, delta.after.partial, delta.after.uncovered], [3, 0, 1]);
    assert.deepEqual(
      outcome.review.documents.map((change) => [change.path, change.kind, change.bodyChanged, change.clausesChanged]),
      [
        ['sms/new.md', 'added', false, false],
        ['sms/plan.md', 'modified', false, false],
        ['sms/policy.md', 'modified', true, false],
        ['sms/review.md', 'modified', false, true],
      ],
    );
    assert.deepEqual(
      outcome.review.suspects.map((suspect) => [suspect.documentId, suspect.via, suspect.target]),
      [
        ['PRC-OPS', 'related', 'POL-SMS'],
        ['PRC-OPS', 'evidence', 'records/log.csv'],
      ],
    );
  });

  it('reads the base through git without touching the working tree or the index, and compares uncommitted edits', async () => {
    repository.write({ 'sms/process.md': `${BASE['sms/process.md']}\nAn uncommitted paragraph.\n` });
    const indexBefore = createHash('sha256')
      .update(readFileSync(join(repository.root, '.git/index')))
      .digest('hex');
    const statusBefore = repository.git('status', '--porcelain');
    try {
      const outcome = await checkChange({ cwd: repository.root, base: 'main', now: () => TODAY });
      assert.ok(outcome.ok);
      const versionFinding = outcome.review.newFindings.filter((finding) => finding.ruleId === 'change.version-not-bumped').map((finding) => finding.file);
      assert.deepEqual(versionFinding.sort(), ['sms/policy.md', 'sms/process.md']);
      assert.equal(
        createHash('sha256')
          .update(readFileSync(join(repository.root, '.git/index')))
          .digest('hex'),
        indexBefore,
      );
      assert.equal(repository.git('status', '--porcelain'), statusBefore);
    } finally {
      repository.git('checkout', '--', 'sms/process.md');
    }
  });

  it('writes SARIF that is valid against the SARIF 2.1.0 schema, with baseline states and stable fingerprints', async () => {
    const result = await clausemarkInProcess(['check', '--base', 'main', '--all', '--format', 'sarif', '--fail-on', 'never', ...TODAY_ARGS], repository.root);
    assert.equal(result.status, 0, result.stderr);
    const log = assertValidSarif(result.stdout);
    const results = log.runs[0]?.results ?? [];
    assert.ok(results.some((item) => item.baselineState === 'unchanged' && item.ruleId === 'clause.unknown'));
    assert.ok(results.some((item) => item.baselineState === 'new' && item.ruleId === 'change.suspect-link'));
    assert.ok(results.every((item) => typeof item.partialFingerprints?.[FINGERPRINT_KEY] === 'string'));
    const rule = log.runs[0]?.tool.driver.rules?.find((descriptor) => descriptor.id === 'change.version-not-bumped');
    assert.match(rule?.helpUri ?? '', /#changeversion-not-bumped$/);
    // Repository-level findings sit on a real file line for code scanning.
    const repositoryLevel = results.find((item) => item.ruleId === 'coverage.uncovered-clause');
    assert.equal(repositoryLevel?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'clausemark.json');
    assert.equal(repositoryLevel?.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId, '%SRCROOT%');
  });

  it('annotates new findings on changed lines (the version and approval rules on the document), and appends the summary to $GITHUB_STEP_SUMMARY', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-summary-'));
    const summaryFile = join(folder, 'summary.md');
    try {
      const result = await clausemarkInProcess(['check', '--base', 'main', '--format', 'github', '--fail-on', 'never', ...TODAY_ARGS], repository.root, {
        GITHUB_STEP_SUMMARY: summaryFile,
      });
      assert.equal(result.status, 0, result.stderr);
      const annotated = result.stdout
        .trim()
        .split('\n')
        .map((line) => /file=([^,]+),.*title=([^:]+)::/.exec(line)?.slice(1, 3).join(' '));
      // The suspect links sit in the untouched process document and the coverage finding on the untouched config:
      // they go to the summary, not to the diff. The policy's version and approval lines were not edited, so
      // those two are annotated on the policy's first changed line (see changeReviewOutputs.test.ts).
      assert.deepEqual(annotated.sort(), [
        'sms/new.md trace.unknown-related',
        'sms/policy.md change.approval-not-renewed',
        'sms/policy.md change.version-not-bumped',
        'sms/review.md change.last-coverage-removed',
      ]);
      const summary = readFileSync(summaryFile, 'utf8');
      assert.match(summary, /<!-- clausemark-change-report -->/);
      assert.match(summary, /change\.suspect-link/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("runs the action's check step as GitHub would: SARIF with every finding, annotations, job summary, failing on new errors", () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { steps: { id?: string; run?: string }[] } };
    const script = action.runs.steps.find((step) => step.id === 'check')?.run;
    assert.ok(script, 'the action has a check step');
    const temp = mkdtempSync(join(tmpdir(), 'clausemark-action-'));
    try {
      const env = {
        ...process.env,
        CLAUSEMARK: resolve('bin/clausemark.js'),
        BASE: 'main',
        CHECK_PATH: '.',
        FAIL_ON: 'error',
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: join(temp, 'output'),
        GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      };
      writeFileSync(join(temp, 'step.sh'), script);
      // GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
      const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', join(temp, 'step.sh')], { cwd: repository.root, env, encoding: 'utf8' });
      assert.equal(run.status, 1, `new errors fail the step: ${run.stderr}`);
      assert.match(run.stdout, /^::error file=sms\/new\.md,line=\d+/m);
      assert.match(readFileSync(join(temp, 'output'), 'utf8'), new RegExp(`^sarif=${join(temp, 'clausemark.sarif')}$`, 'm'));
      const log = assertValidSarif(readFileSync(join(temp, 'clausemark.sarif'), 'utf8'));
      const states = new Set(log.runs[0]?.results?.map((result) => result.baselineState));
      assert.deepEqual([...states].sort(), ['new', 'unchanged']);
      assert.match(readFileSync(join(temp, 'summary.md'), 'utf8'), /## Clausemark: what this change does to the SMS/);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('writes a PR comment: coverage before and after, the delta, new findings, documents, re-review and a mermaid diagram', async () => {
    const result = await clausemarkInProcess(['diff', 'main', 'feature', ...TODAY_ARGS], repository.root);
    assert.equal(result.status, 1, `new errors fail diff as they fail check --base: ${result.stderr}`);
    const comment = result.stdout;
    assert.match(comment, /\| Covered \| 3 \| 3 \| ±0 \|/);
    assert.match(comment, /\| Uncovered \| 0 \| 1 \| \+1 \|/);
    assert.match(comment, /\| 1\.4 \| Review \| covered \| \*\*uncovered\*\* \| − PRC-REV \|/);
    assert.match(comment, /\| 1\.3 \| Planning \| partial \| \*\*covered\*\* \| \+ PRC-NEW<br>✎ PLN-1 \|/);
    assert.match(comment, /### New findings/);
    assert.match(comment, /### Re-review \(suspect links\)/);
    assert.match(comment, /```mermaid\nflowchart LR\n/);
    assert.match(comment, /-\.->\|removed\|/);
  });

  it('fails with exit 2 and a clear message when the base cannot be read', async () => {
    const result = await clausemarkInProcess(['check', '--base', 'no-such-branch', ...TODAY_ARGS], repository.root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /the base revision `no-such-branch` cannot be read/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    const option = await clausemarkInProcess(['check', '--base=--output=/tmp/x', ...TODAY_ARGS], repository.root);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /is not a git revision/);
    const outside = mkdtempSync(join(tmpdir(), 'clausemark-no-git-'));
    try {
      const noGit = await clausemarkInProcess(['check', '--base', 'main', ...TODAY_ARGS], outside);
      assert.equal(noGit.status, 2);
      assert.match(noGit.stderr, /is not inside a git repository, so there is no base revision to compare with/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('reviewing a change that adds the SMS', function () {
  this.timeout(120_000);

  it('compares with an empty base, naming files relative to the new config folder', async () => {
    const repository = GitRepository.create({ 'README.md': '# Tools\n' });
    try {
      repository.branch('add-sms');
      repository.write({
        'docs/clausemark.json': '{}\n',
        'docs/sms/incident.md': documentText(),
        'docs/sms/request.md': documentText({ id: 'PRC-REQ', status: 'draft', clauses: '\n  - 8.6.2' }),
      });
      repository.commit('add the SMS');
      const outcome = await checkChange({ cwd: repository.root, paths: ['docs'], base: 'main', now: () => TODAY });
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.problems.map((problem) => problem.message).join('; '));
      const { review } = outcome;
      assert.equal(review.head.result.project.root, review.base.result.project.root);
      assert.deepEqual(
        review.documents.map((change) => [change.path, change.kind]),
        [
          ['sms/incident.md', 'added'],
          ['sms/request.md', 'added'],
        ],
      );
      assert.deepEqual(
        newly(review.delta, 'partial').map((clause) => clause.clause),
        ['8.6.1', '8.6.2'],
      );
      assert.equal(review.delta.before.covered, 0);
      assert.deepEqual(
        review.findings.filter((finding) => review.states.get(finding) !== 'new'),
        [],
        'everything is new',
      );
    } finally {
      repository.remove();
    }
  });
});

describe('reviewing a change that moves a document', function () {
  this.timeout(60_000);

  it('keeps its findings unchanged under the new path and reports no version rule for the move alone', async () => {
    const text = documentText({ clauses: '\n  - 8.6.4' });
    const { review, repository } = await reviewOf({ 'sms/old/incident.md': text }, { 'sms/old/incident.md': undefined, 'sms/processes/incident.md': text });
    try {
      assert.deepEqual(
        review.documents.map((change) => [change.kind, change.path, change.base?.path]),
        [['moved', 'sms/processes/incident.md', 'sms/old/incident.md']],
      );
      const unknown = review.findings.find((finding) => finding.ruleId === 'clause.unknown');
      assert.equal(unknown?.file, 'sms/processes/incident.md');
      assert.equal(review.states.get(unknown), 'unchanged');
      assert.deepEqual(review.newFindings, []);
    } finally {
      repository.remove();
    }
  });
});

describe('reviewing a change in a shallow clone', function () {
  this.timeout(120_000);

  it('names the missing base and how to fetch it; once fetched, the review works', async () => {
    const origin = pullRequest();
    const baseCommit = origin.git('rev-parse', 'main');
    const cloneParent = mkdtempSync(join(tmpdir(), 'clausemark-shallow-'));
    const clone = join(cloneParent, 'clone');
    try {
      git(cloneParent, 'clone', '--quiet', '--depth', '1', '--branch', 'feature', `file://${origin.root}`, clone);
      const missing = await clausemarkInProcess(['check', '--base', baseCommit, ...TODAY_ARGS], clone);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /shallow clone/);
      assert.match(missing.stderr, /git fetch --depth=1 origin/);

      git(clone, 'fetch', '--quiet', '--depth=1', 'origin', 'main');
      const fetched = await clausemarkInProcess(['check', '--base', baseCommit, '--format', 'json', '--fail-on', 'never', ...TODAY_ARGS], clone);
      assert.equal(fetched.status, 0, fetched.stderr);
      const report = JSON.parse(fetched.stdout) as JsonReport;
      assert.ok(report.findings.some((finding) => finding.ruleId === 'change.version-not-bumped' && finding.file === 'sms/policy.md'));
      assert.ok(!report.findings.some((finding) => finding.ruleId === 'clause.unknown'), 'the old finding is not new');
    } finally {
      origin.remove();
      rmSync(cloneParent, { recursive: true, force: true });
    }
  });
});

describe('the change comment at scale', function () {
  this.timeout(120_000);

  it('stays within a GitHub comment and folds long lists at 200 changed documents', async () => {
    const base: Record<string, string> = { 'clausemark.json': '{}\n' };
    const head: Record<string, string> = {};
    const clauses = ['8.6.1', '8.6.2', '8.6.3', '8.5.1.2', '8.5.1.3', '8.7.1', '8.2.2', '9.1'];
    for (let i = 0; i < 200; i++) {
      const fields = { id: `DOC-${i}`, title: `Document ${i}`, clauses: `\n  - ${clauses[i % clauses.length]}` };
      base[`sms/doc-${i}.md`] = documentText(fields);
      head[`sms/doc-${i}.md`] = documentText({ ...fields, related: `[MISSING-${i}]` }, '# Purpose\n\nEdited.\n');
    }
    const repository = GitRepository.create(base);
    try {
      repository.branch('bulk');
      repository.write(head);
      repository.commit('bulk');
      const result = await clausemarkInProcess(['diff', 'main', ...TODAY_ARGS], repository.root);
      assert.equal(result.status, 1, result.stderr);
      assert.ok(result.stdout.length < 65_536, `comment length ${result.stdout.length}`);
      assert.match(result.stdout, /<details><summary>200 documents<\/summary>/);
      assert.match(result.stdout, /<details><summary>\d+ findings<\/summary>/);
      assert.match(result.stdout, /more findings? not shown here/);
      assert.match(result.stdout, /more nodes? left out to keep the diagram readable/);
    } finally {
      repository.remove();
    }
  });
});
