import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { reportInputFor } from '../../src/cli/reportInputFor.js';
import type { CheckResult } from '../../src/core/check.js';
import { loadProject } from '../../src/core/config/loadProject.js';
import { clauseHoverWithCounterparts } from '../../src/core/language/clauseCounterparts.js';
import { statementOfApplicability } from '../../src/core/coverage/statementOfApplicability.js';
import { renderCoverageMarkdown } from '../../src/core/reports/coverageMarkdown.js';
import { buildJsonReport } from '../../src/core/reports/jsonReport.js';
import { buildSarif } from '../../src/core/reports/sarifReport.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { checkOf } from './support.js';
import { documentText } from '../support/repository.js';

function filesOf(crosswalk: string | boolean | undefined): Record<string, string> {
  // Written by hand: JSON.stringify would put the integer-like key "9001" first, making 9001 the primary catalog.
  const config = `{\n  "catalogs": { "20000": "iso20000-1:2018", "27001": "iso27001:2022", "9001": "iso9001:2015" }${crosswalk !== undefined ? `,\n  "crosswalk": ${JSON.stringify(crosswalk)}` : ''}\n}\n`;
  return {
    'clausemark.json': config,
    // 20000-1 10.1 is nonconformity and corrective action; 10.2 continual improvement.
    'sms/nonconformity.md': documentText({ id: 'PRC-NC', title: 'Nonconformity procedure', type: 'procedure', clauses: '\n  - 10.1' }),
    'sms/improvement.md': documentText({ id: 'PRC-CSI', title: 'Continual improvement', clauses: '\n  - 10.2' }),
    // 20000-1 6.3 is the SMS plan; 27001 and 9001 6.3 are planning of changes.
    'sms/plan.md': documentText({ id: 'PLN-SMS', title: 'SMS plan', type: 'plan', clauses: '\n  - 6.3\n  - 7.1' }),
    'sms/context.md': documentText({ id: 'DOC-CTX', title: 'Context', type: 'other', clauses: '\n  - 4.1\n  - 27001:4.1' }),
  };
}

/** `clause: doc[via]` for every clause of catalog `alias` some document addresses. */
function addressed(result: CheckResult, alias: string): string[] {
  const report = result.catalogs.find((coverage) => coverage.alias === alias)!.report;
  return report.clauses
    .filter((clause) => clause.documents.length > 0)
    .map((clause) => `${clause.clause}: ${clause.documents.map((d) => `${d.id}${d.viaCrosswalk ? ` via ${d.viaCrosswalk}` : ''}`).join(', ')}`);
}

describe('the crosswalk', () => {
  it('is copied from the shared reference: the same equivalent and partial targets, row for row', function () {
    const path = '../shared/reference/crosswalk-20000-1-2018.json';
    if (!existsSync(path)) {
      if (process.env.CI) assert.fail(`${path} is missing in CI`);
      this.skip();
    }
    type Targets = { targets?: { id: string; relation: string }[] };
    const reference = JSON.parse(readFileSync(path, 'utf8')) as { rows: ({ id: string } & Record<'iso27001' | 'iso9001', Targets>)[] };
    const ours = JSON.parse(readFileSync('schemas/crosswalk-iso20000-1-2018.json', 'utf8')) as {
      mappings: { clause: string; catalog: string; target: string; relation: string }[];
    };
    const expected = reference.rows.flatMap((row) => [
      ...(row.iso27001.targets ?? []).map((t) => [row.id, 'iso27001:2022', t.id, t.relation]),
      ...(row.iso9001.targets ?? []).map((t) => [row.id, 'iso9001:2015', t.id, t.relation]),
    ]);
    assert.deepEqual(
      ours.mappings.map((m) => [m.clause, m.catalog, m.target, m.relation]),
      expected,
    );
  });

  it('counts a 20000-1 claim for the equivalent clause only, minding the traps, shown as via crosswalk', async () => {
    const result = await checkOf(filesOf(true));
    assert.deepEqual(addressed(result, '27001'), [
      // Direct claim of 27001 4.1 and the crosswalk from 20000 4.1: the direct one only.
      '4.1: DOC-CTX',
      // 20000 7.1 resources ~ 27001 7.1; 20000 6.3 (SMS plan) is never 27001 6.3 (planning of changes).
      '7.1: PLN-SMS via 20000:7.1',
      // 20000 10.1 nonconformity → 27001 10.2; 20000 10.2 improvement is only partial to 27001 10.1, so it never counts.
      '10.2: PRC-NC via 20000:10.1',
    ]);
    assert.deepEqual(addressed(result, '9001'), [
      '4.1: DOC-CTX via 20000:4.1',
      // 9001 numbers resources 7.1.1; its 6.3 is planning of changes, not counted.
      '7.1.1: PLN-SMS via 20000:7.1',
      '10.2.1: PRC-NC via 20000:10.1',
      '10.2.2: PRC-NC via 20000:10.1',
    ]);
    // The primary catalog sees direct claims only.
    assert.ok(result.coverage.clauses.every((clause) => clause.documents.every((document) => document.viaCrosswalk === undefined)));
  });

  it('counts nothing through it when it is off', async () => {
    const result = await checkOf(filesOf(undefined));
    assert.deepEqual(addressed(result, '27001'), ['4.1: DOC-CTX']);
    assert.deepEqual(addressed(result, '9001'), []);
  });

  it('says "via crosswalk" in the coverage matrix, JSON and SARIF, never as a claim', async () => {
    const result = await checkOf(filesOf(true));
    const input = reportInputFor(result);
    const markdown = renderCoverageMarkdown(reportInputFor(result, '27001'));
    assert.match(markdown, /\| 10\.2 \| Nonconformity and corrective action \| partial \| PRC-NC \(approved, via crosswalk from 20000:10\.1\) \|/);
    const json = buildJsonReport(input);
    const tenTwo = json.catalogs?.[1]?.coverage.find((clause) => clause.clause === '10.2');
    assert.deepEqual(
      tenTwo?.documents.map((document) => [document.id, document.viaCrosswalk]),
      [['PRC-NC', '20000:10.1']],
    );
    const sarif = buildSarif(input);
    const related = (sarif.runs[0]!.results ?? [])
      .filter((r) => r.message.text?.startsWith('27001:10.2 '))
      .flatMap((r) => r.relatedLocations ?? [])
      .map((location) => location.message?.text);
    assert.ok(
      related.length > 0 && related.every((text) => text === 'PRC-NC (approved) counts for 10.2 via crosswalk from 20000:10.1'),
      JSON.stringify(related),
    );
  });

  it('shows counterparts on hover, both ways', async () => {
    const result = await checkOf(filesOf(true));
    const catalogs = result.project.catalogs!;
    const hover = clauseHoverWithCounterparts(catalogs, result.catalogs, result.project.crosswalk, '10.1');
    assert.match(hover, /- iso27001:2022 10\.2 Nonconformity and corrective action: equivalent — a claim of this clause counts for it/);
    assert.doesNotMatch(hover, /iso27001:2022 10\.1/);
    const back = clauseHoverWithCounterparts(catalogs, result.catalogs, result.project.crosswalk, '27001:10.1');
    assert.match(back, /\*\*10\\\.1 Continual improvement\*\* — ISO\/IEC 27001:2022/);
    assert.match(back, /- iso20000-1:2018 10\.2 Continual improvement: partial$/m);
  });

  it("reads a project's own crosswalk file, and refuses a broken one at its position", async () => {
    const own = JSON.stringify({ from: 'iso20000-1:2018', mappings: [{ clause: '10.2', catalog: 'iso27001:2022', target: '10.1', relation: 'equivalent' }] });
    const result = await checkOf({ ...filesOf('./ims.crosswalk.json'), 'ims.crosswalk.json': own });
    assert.deepEqual(addressed(result, '27001'), ['4.1: DOC-CTX', '10.1: PRC-CSI via 20000:10.2']);
    const fs = new MemoryFileSystem({
      '/repo/clausemark.json': JSON.stringify({ catalog: 'iso20000-1:2018', crosswalk: './x.json' }),
      '/repo/x.json': '{\n  "from": "a",\n  "mappings": [{ "clause": "1", "catalog": "b", "target": "2", "relation": "same" }]\n}',
    });
    const loaded = await loadProject({ start: '/repo', fs });
    assert.equal(loaded.ok, false);
    if (!loaded.ok) {
      assert.equal(loaded.problems[0]?.file, '/repo/x.json');
      assert.equal(loaded.problems[0]?.range?.start.line, 3);
      assert.match(loaded.problems[0]?.message ?? '', /must be one of/);
    }
  });
});

/** The same repository with every 20000-1 claim qualified, under `catalogs` in the given alias order. */
function orderedFilesOf(order: readonly string[], crosswalk: string | boolean = true): Record<string, string> {
  const ids: Record<string, string> = { '20000': 'iso20000-1:2018', '27001': 'iso27001:2022', '9001': 'iso9001:2015' };
  // Written by hand: JSON.stringify would put integer-like keys in ascending order, whatever the order given.
  const catalogs = order.map((alias) => `"${alias}": "${ids[alias]}"`).join(', ');
  return {
    'clausemark.json': `{\n  "catalogs": { ${catalogs} },\n  "crosswalk": ${JSON.stringify(crosswalk)}\n}\n`,
    'sms/nonconformity.md': documentText({ id: 'PRC-NC', title: 'Nonconformity procedure', type: 'procedure', clauses: '\n  - 20000:10.1' }),
    'sms/improvement.md': documentText({ id: 'PRC-CSI', title: 'Continual improvement', clauses: '\n  - 20000:10.2' }),
    'sms/plan.md': documentText({ id: 'PLN-SMS', title: 'SMS plan', type: 'plan', clauses: '\n  - 20000:6.3\n  - 20000:7.1' }),
    'sms/context.md': documentText({ id: 'DOC-CTX', title: 'Context', type: 'other', clauses: '\n  - 20000:4.1\n  - 27001:4.1' }),
    'sms/incident.md': documentText({ clauses: '\n  - 20000:8.6.1' }),
  };
}

const ORDERS = [
  ['20000', '27001', '9001'],
  ['27001', '20000', '9001'],
  ['9001', '27001', '20000'],
] as const;

describe('the crosswalk, whatever the order of the catalogs', () => {
  for (const order of ORDERS) {
    describe(`catalogs ${order.join(', ')}`, () => {
      it('counts 20000-1 claims for 27001 and 9001 (the primary too), minding the traps, never as a direct claim', async () => {
        const result = await checkOf(orderedFilesOf(order));
        assert.deepEqual(
          result.catalogs.map((coverage) => coverage.alias),
          [...order],
        );
        assert.deepEqual(addressed(result, '27001'), ['4.1: DOC-CTX', '7.1: PLN-SMS via 20000:7.1', '10.2: PRC-NC via 20000:10.1']);
        assert.deepEqual(addressed(result, '9001'), [
          '4.1: DOC-CTX via 20000:4.1',
          '7.1.1: PLN-SMS via 20000:7.1',
          '10.2.1: PRC-NC via 20000:10.1',
          '10.2.2: PRC-NC via 20000:10.1',
        ]);
        // 20000-1 itself sees its direct claims only; 27001 10.1 (continual improvement) none at all.
        assert.deepEqual(addressed(result, '20000'), ['4.1: DOC-CTX', '6.3: PLN-SMS', '7.1: PLN-SMS', '8.6.1: PRC-INC', '10.1: PRC-NC', '10.2: PRC-CSI']);
        // The primary's report is the one every view and rule reads: the same clauses via the crosswalk.
        assert.equal(result.coverage, result.catalogs[0]!.report);
        const primary = order[0];
        const uncovered = result.findings
          .filter((finding) => finding.ruleId === 'coverage.uncovered-clause' && (finding.data?.catalog ?? primary) === '27001')
          // Named qualified when 27001 is not the primary.
          .map((finding) => finding.data?.clause?.replace(/^27001:/, ''));
        assert.ok(!uncovered.includes('10.2') && uncovered.includes('10.1'), JSON.stringify(uncovered));
      });

      it('shows the primary clause counted through the crosswalk on hover, with its counterparts', async () => {
        const result = await checkOf(orderedFilesOf(order));
        const catalogs = result.project.catalogs!;
        const hover = (written: string): string => clauseHoverWithCounterparts(catalogs, result.catalogs, result.project.crosswalk, written);
        const nonconformity = hover('20000:10.1');
        assert.match(nonconformity, /- iso27001:2022 10\.2 Nonconformity and corrective action: equivalent — a claim of this clause counts for it/);
        assert.doesNotMatch(nonconformity, /iso27001:2022 10\.1/);
        const target = hover('27001:10.2');
        assert.match(target, /addressed by PRC\\-NC \(approved, via crosswalk from 20000:10\\\.1\)/);
        assert.match(target, /- iso20000-1:2018 10\.1 Nonconformity and corrective action: equivalent — its claims count here/);
        const improvement = hover('27001:10.1');
        assert.match(improvement, /^\*\*10\\\.1 Continual improvement\*\* — ISO\/IEC 27001:2022/);
        assert.match(improvement, /- iso20000-1:2018 10\.2 Continual improvement: partial$/m);
        assert.doesNotMatch(improvement, /addressed by/);
      });

      it('takes a corrective action in an audit report as evidence of 20000-1 10.1, never of 27001 10.1 or 9001 10.1', async () => {
        const findings =
          '\n  - id: NC-1\n    grade: minor\n    summary: Gap\n    raised_on: 2026-10-09\n    due: 2027-01-31\n    status: open\n    action: PRC-NC';
        const audit = documentText({ id: 'RPT-AUD', title: 'Internal audit', type: 'audit', date: '2026-10-09', clauses: '\n  - 20000:9.2', findings });
        const result = await checkOf({ ...orderedFilesOf(order), 'sms/audit.md': audit });
        const evidenced = (alias: string, clause: string): string[] =>
          result.catalogs
            .find((coverage) => coverage.alias === alias)!
            .report.clauses.find((entry) => entry.clause === clause)!
            .evidence.map((item) => item.documentId);
        assert.deepEqual(evidenced('20000', '10.1'), ['RPT-AUD']);
        assert.deepEqual(evidenced('27001', '10.1'), []);
        assert.deepEqual(evidenced('9001', '10.1'), []);
      });

      it("lists a control counted through a project's own crosswalk in the Statement of Applicability, as via crosswalk", async () => {
        const own = JSON.stringify({
          from: 'iso20000-1:2018',
          mappings: [{ clause: '8.6.1', catalog: 'iso27001:2022', target: 'A.5.26', relation: 'equivalent' }],
        });
        const result = await checkOf({ ...orderedFilesOf(order, './ims.crosswalk.json'), 'ims.crosswalk.json': own });
        const soa = statementOfApplicability(
          result.catalogs.find((coverage) => coverage.alias === '27001')!,
          result.project.config.applicability,
        );
        assert.deepEqual(
          soa.rows.find((row) => row.control === 'A.5.26'),
          {
            control: 'A.5.26',
            title: 'Response to information security incidents',
            applicable: true,
            justification: '',
            documents: ['PRC-INC (approved, via crosswalk from 20000:8.6.1)'],
            status: 'covered',
          },
        );
      });
    });
  }

  it('keeps the primary up to date through the crosswalk as claims of 20000-1 are edited', async () => {
    const files = orderedFilesOf(['27001', '20000', '9001']);
    const { index } = await checkOf(files);
    const tenTwo = (): string[] =>
      index
        .coverage()
        .clauses.find((clause) => clause.clause === '10.2')!
        .documents.map((document) => `${document.id} via ${document.viaCrosswalk}`);
    assert.deepEqual(tenTwo(), ['PRC-NC via 20000:10.1']);
    await index.setDocument(
      'sms/nonconformity.md',
      documentText({ id: 'PRC-NC', title: 'Nonconformity procedure', type: 'procedure', clauses: '\n  - 20000:10.2' }),
    );
    assert.deepEqual(tenTwo(), []);
    await index.setDocument('sms/improvement.md', documentText({ id: 'PRC-CSI', title: 'Continual improvement', clauses: '\n  - 20000:10.1' }));
    assert.deepEqual(tenTwo(), ['PRC-CSI via 20000:10.1']);
  });
});

describe('records of the certification cycle in a project of one other standard', () => {
  for (const catalog of ['iso27001:2022', 'iso9001:2015']) {
    it(`count for what they claim only, never for ${catalog} 10.1 (continual improvement) by what they are`, async () => {
      const findings =
        '\n  - id: NC-1\n    grade: minor\n    summary: Gap\n    raised_on: 2026-10-09\n    due: 2027-01-31\n    status: open\n    action: PRC-NC';
      const result = await checkOf({
        'clausemark.json': JSON.stringify({ catalog }),
        'sms/audit.md': documentText({ id: 'RPT-AUD', title: 'Internal audit', type: 'audit', date: '2026-10-09', clauses: '\n  - 9.2.2', findings }),
      });
      const evidenced = (clause: string): string[] => result.coverage.clauses.find((entry) => entry.clause === clause)!.evidence.map((item) => item.documentId);
      assert.deepEqual(evidenced('9.2.2'), ['RPT-AUD'], 'what it claims');
      assert.deepEqual(evidenced('10.1'), []);
    });
  }
});
