import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { clausemarkInProcess } from '../support/cli.js';
import { tempRepository } from '../support/cliRunner.js';
import { CYCLE_CONFIG as CONFIG, cycleFiles as files } from '../support/cycleRepository.js';
import { documentText } from '../support/repository.js';

describe('clausemark readiness', () => {
  let repository: string;
  before(() => {
    repository = tempRepository(files('1.1'));
  });
  after(() => rmSync(repository, { recursive: true, force: true }));

  const run = (...args: string[]) => clausemarkInProcess(['readiness', repository, '--today', '2026-11-21', '--no-cache', ...args]);

  it('lists what blocks the next planned audit, as text, and exits 1', async () => {
    const { status, stdout, stderr } = await run();
    assert.equal(stderr, '');
    assert.equal(status, 1);
    assert.equal(
      stdout,
      [
        'Readiness for the surveillance audit on 2027-03-08 (in 107 days, judged on 2026-11-21)',
        'Blocked: 4 items block; last management review MR-1 on 2026-04-01.',
        '',
        'Documents due for review before the audit:',
        '  BLOCKS  POL-1: its review falls due on 2027-02-01, before the audit  (sms/pol.md)',
        '',
        'Evidence stale by the audit:',
        '  BLOCKS  https://t.example.com/1 (2026-01-15) will be older than 400 days by then  (sms/pol.md)',
        '',
        'Nonconformities open or overdue by the audit:',
        '  BLOCKS  NC-1 (minor, 1.1): overdue since 2027-01-31  (sms/aud.md)',
        '',
        'Clauses not internally audited within the window:',
        '  BLOCKS  1.2 Operation: not internally audited since 2026-03-08',
        '',
      ].join('\n'),
    );
  });

  it('gives the same verdict and items as JSON', async () => {
    const { status, stdout } = await run('--format', 'json');
    assert.equal(status, 1);
    const report = JSON.parse(stdout) as {
      audit: unknown;
      verdict: string;
      blockers: number;
      items: { section: string; blocks: boolean; subject: string }[];
      nonconformities: { id: string; state: string }[];
      lastManagementReview: unknown;
    };
    assert.deepEqual(report.audit, { kind: 'surveillance', date: '2027-03-08', planned: true, daysLeft: 107 });
    assert.equal(report.verdict, 'blocked');
    assert.equal(report.blockers, 4);
    assert.deepEqual(
      report.items.map((item) => [item.section, item.blocks, item.subject]),
      [
        ['documents', true, 'POL-1'],
        ['evidence', true, 'POL-1'],
        ['nonconformities', true, 'NC-1'],
        ['internal-audit', true, '1.2'],
      ],
    );
    assert.deepEqual(
      report.nonconformities.map((nc) => [nc.id, nc.state]),
      [
        ['NC-1', 'overdue'],
        ['OBS-1', 'open'],
        ['NC-3', 'closed'],
      ],
    );
    assert.deepEqual(report.lastManagementReview, { documentId: 'MR-1', date: '2026-04-01' });
  });

  it('renders Markdown and HTML with the same items', async () => {
    const markdown = await run('--format', 'markdown');
    assert.equal(markdown.status, 1);
    assert.match(
      markdown.stdout,
      /^# Readiness for the surveillance audit on 2027-03-08 \(in 107 days, judged on 2026-11-21\)\n\n\*\*Blocked: 4 items block; last management review MR-1 on 2026-04-01\.\*\*\n/,
    );
    assert.equal(markdown.stdout.split('\n').filter((line) => line.startsWith('| blocks |')).length, 4);
    assert.ok(markdown.stdout.includes('| blocks | NC-1 (minor, 1.1): overdue since 2027-01-31 | <code>sms/aud.md</code> |'), markdown.stdout);
    const html = await run('--format', 'html');
    assert.equal(html.status, 1);
    assert.equal(html.stdout.match(/<span class="status uncovered">blocks<\/span>/g)?.length, 4);
    assert.ok(html.stdout.includes('<h2>Clauses not internally audited within the window</h2>'));
    assert.ok(html.stdout.includes('<td>1.2 Operation: not internally audited since 2026-03-08</td>'));
  });

  it('judges a given day, and for Stage 1 lists the mandatory documented information', async () => {
    const { status, stdout } = await run('--for', '2026-11-30', '--format', 'json');
    assert.equal(status, 1);
    const report = JSON.parse(stdout) as { audit: unknown; items: { section: string; blocks: boolean; subject: string }[] };
    assert.deepEqual(report.audit, { date: '2026-11-30', planned: false, daysLeft: 9 });
    assert.deepEqual(
      report.items.map((item) => [item.section, item.blocks, item.subject]),
      [
        ['nonconformities', false, 'NC-1'],
        ['internal-audit', true, '1.2'],
      ],
    );
  });

  it('for Stage 1, lists the mandatory documented information of the catalog, present or missing', async () => {
    const stage1Config = CONFIG.replace('"audits":[', '"audits":[{"kind":"stage1","date":"2026-12-15"},');
    const withoutPolicy = {
      ...files('1', stage1Config),
      'sms/pol.md': documentText({ id: 'POL-1', title: 'Policy', type: 'process', next_review: '2027-12-01', clauses: '\n  - 1.1' }),
    };
    const stage1 = tempRepository(withoutPolicy);
    try {
      const { status, stdout } = await clausemarkInProcess(['readiness', stage1, '--today', '2026-11-21', '--no-cache', '--for', 'stage1', '--format', 'json']);
      assert.equal(status, 1);
      const report = JSON.parse(stdout) as { audit: unknown; items: { section: string; blocks: boolean; message: string }[] };
      assert.deepEqual(report.audit, { kind: 'stage1', date: '2026-12-15', planned: true, daysLeft: 24 });
      assert.deepEqual(
        report.items.filter((item) => item.section === 'mandatory-documents').map((item) => [item.blocks, item.message]),
        [[true, '1.1 a policy: missing (an approved policy)']],
      );
    } finally {
      rmSync(stage1, { recursive: true, force: true });
    }
  });

  it('exits 0 when nothing blocks', async () => {
    const ready = tempRepository(files('1'));
    try {
      const { status, stdout } = await clausemarkInProcess(['readiness', ready, '--today', '2026-11-21', '--no-cache', '--for', '2026-11-30']);
      assert.equal(status, 0);
      assert.equal(stdout.split('\n')[1], 'Ready: nothing blocks; last management review MR-1 on 2026-04-01.');
      assert.ok(stdout.includes('  ok      NC-1 (minor, 1.1): open, due 2027-01-31  (sms/aud.md)'));
    } finally {
      rmSync(ready, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error: an audit kind not planned, a day that does not exist, an unknown format', async () => {
    const stage1 = await run('--for', 'stage1');
    assert.equal(stage1.status, 2);
    assert.match(stage1.stderr, /no stage1 audit is planned on or after 2026-11-21/);
    assert.equal((await run('--for', '2026-02-30')).status, 2);
    assert.equal((await run('--for', 'annual')).status, 2);
    assert.equal((await run('--format', 'sarif')).status, 2);
  });
});
