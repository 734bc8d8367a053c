import assert from 'node:assert/strict';
import { buildAuditPack } from '../../src/core/audit/auditPack.js';
import type { CheckResult } from '../../src/core/check.js';
import { statementOfApplicability } from '../../src/core/coverage/statementOfApplicability.js';
import { renderAuditMarkdown } from '../../src/core/reports/auditMarkdown.js';
import { renderSoaCsv, renderSoaMarkdown } from '../../src/core/reports/soaReport.js';
import { parseCsv } from '../support/csv.js';
import { clausemarkInProcess } from '../support/cli.js';
import { tempRepository } from '../support/cliRunner.js';
import { describeFinding, documentText } from '../support/repository.js';
import { checkOf, THREE_CATALOGS_CONFIG, threeCatalogRepository } from './support.js';

// The applicability block starts on line 7 of the config; `27001` controls on lines 9 to 13.
const CONFIG = THREE_CATALOGS_CONFIG.replace(
  /\n}\n$/,
  `,
  "applicability": {
    "27001": {
      "A.7.5": { "applicable": false, "justification": "No physical premises: the service runs in a public cloud." },
      "A.7.6": { "applicable": false, "justification": " " },
      "A.7.7": { "applicable": false },
      "10.1": { "applicable": false, "justification": "We do not improve." },
      "A.9.9": { "applicable": false, "justification": "x" }
    },
    "2700": { "A.5.1": { "applicable": true } }
  }
}
`,
);

describe('applicability of ISO/IEC 27001:2022 Annex A controls', () => {
  let result: CheckResult;
  before(async () => {
    result = await checkOf({ ...threeCatalogRepository(), 'clausemark.json': CONFIG });
  });

  it('reports each problem at its exact place in clausemark.json', () => {
    const config = result.findings.filter(
      (finding) =>
        finding.file === 'clausemark.json' &&
        !finding.ruleId.startsWith('coverage.uncovered') &&
        !finding.ruleId.startsWith('coverage.partial') &&
        !finding.ruleId.startsWith('coverage.missing'),
    );
    assert.deepEqual(config.map(describeFinding), [
      // An empty (blank) justification: at the justification.
      'clausemark.json:10:56-10:59 applicability.missing-justification',
      // No justification at all: at the control's key.
      'clausemark.json:11:7-11:14 applicability.missing-justification',
      // Clause 10.1 is a requirement, not a control: at `applicable`.
      'clausemark.json:12:31-12:36 coverage.exclusion-not-allowed',
      'clausemark.json:13:7-13:14 clause.unknown',
      'clausemark.json:15:5-15:11 clause.unknown',
    ]);
    assert.equal(config[0]?.severity, 'error');
    assert.match(config[0]?.message ?? '', /^A\.7\.6 Working in secure areas is declared not applicable without a justification/);
    assert.deepEqual(config[3]?.data?.suggestions, ['A.5.9', 'A.7.9', 'A.8.9']);
  });

  it('makes a justified control `excluded` in coverage, and nothing else', () => {
    const iso27001 = result.catalogs[1]!.report;
    const status = (id: string) => iso27001.clauses.find((clause) => clause.clause === id)?.status;
    assert.deepEqual(['A.7.5', 'A.7.6', 'A.7.7', '10.1'].map(status), ['excluded', 'uncovered', 'uncovered', 'uncovered']);
    assert.equal(iso27001.summary.excluded, 1);
    assert.equal(result.coverage.summary.excluded, 0, 'the primary catalog excludes nothing');
  });

  it('writes a Statement of Applicability: every control, applicable, justification, documents, status', () => {
    const soa = statementOfApplicability(result.catalogs[1]!, result.project.config.applicability);
    assert.equal(soa.rows.length, 93);
    assert.deepEqual(
      soa.rows.find((row) => row.control === 'A.7.5'),
      {
        control: 'A.7.5',
        title: 'Protecting against physical and environmental threats',
        applicable: false,
        justification: 'No physical premises: the service runs in a public cloud.',
        documents: [],
        status: 'excluded',
      },
    );
    assert.deepEqual(
      soa.rows.find((row) => row.control === 'A.5.24'),
      {
        control: 'A.5.24',
        title: 'Information security incident management planning and preparation',
        applicable: true,
        justification: '',
        documents: ['PRC-INC (approved)'],
        status: 'covered',
      },
    );
    const csv = parseCsv(renderSoaCsv(soa));
    assert.deepEqual(csv[0], ['Control', 'Title', 'Applicable', 'Justification', 'Implementing documents', 'Status']);
    assert.equal(csv.length, 94);
    assert.match(renderSoaMarkdown(soa, '2026-11-21'), /93 controls, 92 applicable, 1 not applicable\./);
    const pack = renderAuditMarkdown(buildAuditPack(result, { toolVersion: 'test' }));
    assert.ok(pack.includes('## Statement of Applicability: ISO/IEC 27001:2022 Information security management system requirements (`27001`)'));
    assert.ok(
      pack.includes(
        '| A.7.5 | Protecting against physical and environmental threats | no | No physical premises: the service runs in a public cloud. |  | excluded |',
      ),
    );
  });

  it('is written by `clausemark coverage --catalog 27001 --soa`, and refused without --catalog', async function () {
    this.timeout(60000);
    const root = tempRepository({ ...threeCatalogRepository(), 'clausemark.json': CONFIG });
    const run = await clausemarkInProcess(['coverage', '--catalog', '27001', '--soa', '--format', 'csv', '--today', '2026-11-21', '--no-cache'], root);
    assert.equal(run.status, 0, run.stderr);
    const rows = parseCsv(run.stdout);
    assert.deepEqual(rows.find((row) => row[0] === 'A.7.5')?.slice(2), ['no', 'No physical premises: the service runs in a public cloud.', '', 'excluded']);
    const refused = await clausemarkInProcess(['coverage', '--soa', '--no-cache'], root);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--soa needs --catalog ALIAS/);
  });

  it('does not let a single-catalog 20000-1 project declare a clause not applicable through it', async () => {
    const single = await checkOf({
      'clausemark.json': '{\n  "applicability": { "iso20000-1:2018": { "8.4.1": { "applicable": false, "justification": "No budget." } } }\n}\n',
      'sms/a.md': documentText(),
    });
    assert.deepEqual(single.findings.filter((finding) => finding.ruleId === 'coverage.exclusion-not-allowed').map(describeFinding), [
      'clausemark.json:2:68-2:73 coverage.exclusion-not-allowed',
    ]);
    assert.equal(single.coverage.summary.excluded, 0);
  });
});
