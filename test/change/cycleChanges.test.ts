import assert from 'node:assert/strict';
import type { ChangeJson } from '../../src/core/reports/changeJson.js';
import { clausemarkInProcess } from '../support/cli.js';
import { cycleFiles } from '../support/cycleRepository.js';
import { GitRepository } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';

// main: the internal audit AUD-1 has NC-1 (minor, open), OBS-1 (observation, open) and NC-3 (closed). The branch
// closes NC-1 without verifying it, deletes OBS-1 from the report and adds the surveillance audit's report with NC-5.

const BASE = cycleFiles('1.1, 1.2');
const SURVEILLANCE = documentText({
  id: 'AUD-S1',
  title: 'Surveillance audit',
  type: 'audit',
  owner: 'Quality Manager',
  version: undefined,
  next_review: undefined,
  date: '2026-03-11',
  clauses: '[]',
  audit: '\n  kind: surveillance\n  auditor: Lead Auditor\n  scope: [1]',
  findings: '\n  - id: NC-5\n    clause: 1.2\n    grade: major\n    due: 2027-02-28\n    status: open',
});

function pullRequest(): GitRepository {
  const repository = GitRepository.create(BASE);
  repository.branch('feature');
  const audit = BASE['sms/aud.md']!.replace(
    '    status: open\n  - id: OBS-1\n    grade: observation\n    status: open\n',
    '    status: closed\n    closed_on: 2026-11-02\n',
  );
  assert.notEqual(audit, BASE['sms/aud.md'], 'the test edits the audit report');
  repository.write({ 'sms/aud.md': audit, 'sms/surveillance.md': SURVEILLANCE });
  repository.commit('close NC-1, add the surveillance audit report');
  return repository;
}

const ARGS = ['--today', '2026-11-21', '--no-cache', '--fail-on', 'never'];

describe('a change to the certification cycle in the PR summary, with a real git repository', function () {
  this.timeout(120_000);
  let repository: GitRepository;
  before(() => {
    repository = pullRequest();
  });
  after(() => repository.remove());

  const run = async (...args: string[]): Promise<string> => {
    const { status, stdout, stderr } = await clausemarkInProcess([...args, ...ARGS], repository.root);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    return stdout;
  };

  it('lists the audit report added and the nonconformities raised, closed and removed in the text summary', async () => {
    const text = await run('check', '--base', 'main', '--head', 'feature');
    const section = text.slice(text.indexOf('Certification cycle'));
    assert.deepEqual(section.split('\n').slice(0, 5), [
      'Certification cycle (4 changes):',
      '  Audit report AUD-S1 added: surveillance audit ending 2026-03-11 by Lead Auditor, 1 finding; it shows the planned surveillance audit of 2026-03-09 was held.  (sms/surveillance.md:2:5)',
      '  NC-1 (minor, 1.1) closed on 2026-11-02, not yet verified.  (sms/aud.md:16:9)',
      '  NC-5 (major, 1.2) raised in AUD-S1, due 2027-02-28.  (sms/surveillance.md:16:9)',
      '  OBS-1 (observation) removed from AUD-1 while open.  (sms/aud.md)',
    ]);
  });

  it('gives the same changes in the PR comment (markdown)', async () => {
    const markdown = await run('diff', 'main', 'feature');
    const section = markdown.slice(markdown.indexOf('### Certification cycle'));
    assert.deepEqual(section.split('\n').slice(2, 6), [
      '- Audit report AUD-S1 added: surveillance audit ending 2026-03-11 by Lead Auditor, 1 finding; it shows the planned surveillance audit of 2026-03-09 was held. <sub>sms/surveillance.md:2</sub>',
      '- NC-1 (minor, 1.1) closed on 2026-11-02, not yet verified. <sub>sms/aud.md:16</sub>',
      '- NC-5 (major, 1.2) raised in AUD-S1, due 2027-02-28. <sub>sms/surveillance.md:16</sub>',
      '- OBS-1 (observation) removed from AUD-1 while open. <sub>sms/aud.md</sub>',
    ]);
  });

  it('gives the same changes as JSON, with statuses before and after and the head positions', async () => {
    const change = (JSON.parse(await run('diff', 'main', 'feature', '--format', 'json')) as { change: ChangeJson }).change;
    assert.deepEqual(change.cycle.auditsAdded, [
      {
        documentId: 'AUD-S1',
        path: 'sms/surveillance.md',
        kind: 'surveillance',
        date: '2026-03-11',
        findings: 1,
        holds: { kind: 'surveillance', date: '2026-03-09' },
      },
    ]);
    assert.deepEqual(
      change.cycle.nonconformities.map((nc) => [
        nc.kind,
        nc.id,
        nc.file,
        nc.range?.start.line ?? null,
        nc.statusBefore,
        nc.statusAfter,
        nc.closedOn,
        nc.verifiedOn,
      ]),
      [
        ['closed', 'NC-1', 'sms/aud.md', 16, 'open', 'closed', '2026-11-02', null],
        ['raised', 'NC-5', 'sms/surveillance.md', 16, null, 'open', null, null],
        ['removed', 'OBS-1', 'sms/aud.md', null, 'open', null, null, null],
      ],
    );
  });

  it('annotates each change as a notice on the audit report (github)', async () => {
    const github = await run('diff', 'main', 'feature', '--format', 'github');
    const notices = github.split('\n').filter((line) => line.includes('title=Clausemark%3A'));
    assert.deepEqual(notices, [
      '::notice file=sms/surveillance.md,line=2,endLine=2,title=Clausemark%3A audit report added::Audit report AUD-S1 added: surveillance audit ending 2026-03-11 by Lead Auditor, 1 finding; it shows the planned surveillance audit of 2026-03-09 was held.',
      '::notice file=sms/aud.md,line=16,endLine=16,title=Clausemark%3A nonconformity closed::NC-1 (minor, 1.1) closed on 2026-11-02, not yet verified.',
      '::notice file=sms/surveillance.md,line=16,endLine=16,title=Clausemark%3A nonconformity raised::NC-5 (major, 1.2) raised in AUD-S1, due 2027-02-28.',
      '::notice file=sms/aud.md,title=Clausemark%3A nonconformity removed::OBS-1 (observation) removed from AUD-1 while open.',
    ]);
  });

  it('says nothing of the cycle for a change that leaves it alone', async () => {
    repository.git('checkout', '--quiet', '-b', 'wording', 'main');
    repository.write({ 'sms/pol.md': BASE['sms/pol.md']!.replace('Why this exists.', 'Why this policy exists.') });
    repository.commit('wording');
    assert.doesNotMatch(await run('check', '--base', 'main', '--head', 'wording'), /Certification cycle/);
    assert.doesNotMatch(await run('diff', 'main', 'wording'), /### Certification cycle/);
    assert.doesNotMatch(await run('diff', 'main', 'wording', '--format', 'github'), /::notice.*Clausemark%3A/);
    const change = (JSON.parse(await run('diff', 'main', 'wording', '--format', 'json')) as { change: ChangeJson }).change;
    assert.deepEqual(change.cycle, { auditsAdded: [], nonconformities: [] });
  });
});
