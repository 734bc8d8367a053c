import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeJson } from '../../src/core/reports/changeJson.js';
import type { JsonReport } from '../../src/core/reports/jsonReport.js';
import { clausemarkInProcess } from '../support/cli.js';
import { GitRepository } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';
import { threeCatalogRepository } from './support.js';

const ARGS = ['--today', '2026-11-21', '--no-cache', '--fail-on', 'never'];

/**
 * main: the three-catalog repository. change: a new policy claims 27001:A.5.1 and TSC:CC6.2, and the access
 * policy drops its 20000-1 claim (8.7.3.1), the last one: each catalog moves, the primary with a lost-coverage error.
 */
function pullRequest(): GitRepository {
  const repository = GitRepository.create(threeCatalogRepository());
  repository.branch('change');
  repository.write({
    'sms/security-policy.md': documentText({
      id: 'POL-ISP',
      title: 'Information security policy',
      type: 'policy',
      clauses: '\n  - 27001:A.5.1\n  - TSC:CC6.2',
    }),
    'sms/access.md': documentText({ id: 'POL-ACC', title: 'Access policy', type: 'policy', version: '"1.1"', clauses: '\n  - 27001:A.5.15\n  - TSC:CC6.1' }),
  });
  repository.commit('change');
  return repository;
}

describe('`check --base --catalog ALIAS`: the change review of one catalog', function () {
  this.timeout(120_000);
  let repository: GitRepository;
  const review = async (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
    const run = await clausemarkInProcess(['check', '--base', 'main', '--head', 'change', ...args, ...ARGS], repository.root);
    assert.equal(run.stderr, '');
    return run;
  };
  before(() => {
    repository = pullRequest();
  });
  after(() => repository.remove());

  it('text: the coverage and delta of that catalog only, and no finding about another catalog’s coverage', async () => {
    const all = (await review()).stdout;
    assert.match(all, /^Coverage 1\.8% → 0%: .*1 newly uncovered \(8\.7\.3\.1\)\.$/m);
    assert.match(all, /change\.last-coverage-removed/);

    const text = (await review('--catalog', '27001')).stdout;
    assert.match(text, /^Coverage of 27001 2\.4% → 3\.3%: 1 newly covered \(A\.5\.1\), 0 newly at-risk, 0 newly partial, 0 newly uncovered\.$/m);
    assert.match(text, /^Coverage of ISO\/IEC 27001:2022 [^:]*: 4 of 123 leaf clauses covered/m);
    assert.doesNotMatch(text, /Coverage of ISO\/IEC 20000-1|Coverage of Trust|Coverage of TSC|^Coverage 1\.8%/m);
    assert.doesNotMatch(text, /8\.7\.3\.1|TSC:CC6\.2/, 'no finding nor delta of the other catalogs');
    assert.match(text, /change\.approval-not-renewed/, 'findings about no coverage stay');
    assert.match(text, /coverage\.uncovered-clause +27001:A\.5\.1 .*\n/, "the catalog's own fixed finding stays");
  });

  it('JSON, SARIF and JUnit: the catalog named, its delta in place of the primary’s', async () => {
    const json = JSON.parse((await review('--catalog', '27001', '--format', 'json')).stdout) as JsonReport & { change: ChangeJson };
    assert.equal(json.catalog.id, 'iso27001:2022');
    assert.equal(json.summary.coverage.covered, 4);
    assert.equal(json.catalogs, undefined);
    assert.equal(json.change.catalog, '27001');
    assert.deepEqual(
      json.change.coverage.clauses.map((clause) => [clause.clause, clause.before, clause.after, clause.documentsAdded, clause.documentsChanged]),
      [
        ['A.5.1', 'uncovered', 'covered', ['POL-ISP'], ['POL-ISP']],
        ['A.5.15', 'covered', 'covered', [], ['POL-ACC']],
      ],
    );
    assert.deepEqual([json.change.coverage.before.covered, json.change.coverage.after.covered], [3, 4]);
    assert.equal(json.change.catalogs, undefined);
    assert.deepEqual(
      json.findings.filter((finding) => finding.ruleId.startsWith('coverage.') || finding.ruleId === 'change.last-coverage-removed'),
      [],
      'the change brought no 27001 coverage finding',
    );
    assert.deepEqual(
      json.change.fixed.map((finding) => finding.message),
      ['27001:A.5.1 Policies for information security: no document addresses this clause.'],
    );

    const sarif = JSON.parse((await review('--catalog', '27001', '--format', 'sarif')).stdout) as {
      runs: { properties: { coverage: { catalog: string; covered: number }; catalogs?: unknown }; results: { ruleId: string }[] }[];
    };
    const [run] = sarif.runs;
    assert.deepEqual([run!.properties.coverage.catalog, run!.properties.coverage.covered, run!.properties.catalogs], ['iso27001:2022', 4, undefined]);
    assert.ok(!run!.results.some((result) => result.ruleId === 'change.last-coverage-removed'));

    const junit = (await review('--catalog', '27001', '--format', 'junit')).stdout;
    assert.match(junit, /Coverage of ISO\/IEC 27001:2022/);
    assert.doesNotMatch(junit, /last-coverage-removed|Coverage of ISO\/IEC 20000-1/);
  });

  it('the PR comment (markdown, diff, the github job summary): that catalog’s delta, table and diagram', async () => {
    const markdown = (await review('--catalog', '27001', '--format', 'markdown')).stdout;
    assert.match(markdown, /, coverage of catalog `27001` \(ISO\/IEC 27001:2022 [^)]*\) 2\.4% → 3\.3%\.$/m);
    assert.match(markdown, /^\| Covered \| 3 \| 4 \| \+1 \|$/m);
    assert.match(markdown, /^\| A\.5\.1 \| Policies for information security \| uncovered \| \*\*covered\*\* \| \+ POL-ISP \|$/m);
    assert.doesNotMatch(markdown, /Catalog `TSC`|8\.7\.3\.1|last-coverage-removed/);
    // The diagram draws the claims of this catalog under its own ids, the kept claim and the added one.
    assert.match(markdown, /^ {2}(c\d+)\["A\.5\.15 Access control"\]:::covered\n {2}d0 --> \1$/m);
    assert.match(markdown, /^ {2}(c\d+)\["A\.5\.1 Policies for information security"\]:::covered\n {2}d1 -->\|added\| \1$/m);

    const diff = await clausemarkInProcess(['diff', 'main', 'change', '--catalog', '27001', ...ARGS], repository.root);
    assert.equal(diff.stdout, markdown);

    const folder = mkdtempSync(join(tmpdir(), 'clausemark-summary-'));
    try {
      const summaryFile = join(folder, 'summary.md');
      const github = await clausemarkInProcess(
        ['check', '--base', 'main', '--head', 'change', '--catalog', '27001', '--format', 'github', ...ARGS],
        repository.root,
        {
          GITHUB_STEP_SUMMARY: summaryFile,
        },
      );
      assert.equal(github.status, 0);
      assert.doesNotMatch(github.stdout, /last-coverage-removed/);
      assert.match(readFileSync(summaryFile, 'utf8'), /coverage of catalog `27001` .* 2\.4% → 3\.3%\./);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    const primary = (await review('--catalog', '20000', '--format', 'markdown')).stdout;
    assert.match(primary, /coverage of catalog `20000` \(ISO\/IEC 20000-1:2018 [^)]*\) 1\.8% → 0%\./);
    assert.match(primary, /^\| 8\.7\.3\.1 \| Information security policy \| covered \| \*\*uncovered\*\* \| − POL-ACC \|$/m);
    assert.match(primary, /change\.last-coverage-removed/);
    assert.doesNotMatch(primary, /Catalog `27001`|Catalog `TSC`|A\.5\.1/);
  });

  it('refuses an alias the project has not, as the plain check does', async () => {
    const plain = await clausemarkInProcess(['check', '--catalog', 'NOPE', ...ARGS], repository.root);
    const change = await clausemarkInProcess(['check', '--base', 'main', '--catalog', 'NOPE', ...ARGS], repository.root);
    assert.equal(plain.status, 2);
    assert.match(plain.stderr, /--catalog NOPE: the project has no catalog of that alias \(20000, 27001, TSC\)/);
    assert.deepEqual([change.status, change.stderr, change.stdout], [2, plain.stderr, '']);
  });
});
