import type { RuleId } from '../../src/core/rules/registry.js';
import { ClauseCatalog } from '../../src/core/catalog/clauseCatalog.js';
import type { ClauseCoverage, CoverageReport } from '../../src/core/coverage/coverageReport.js';
import type { DocumentControl } from '../../src/core/coverage/documentControl.js';
import type { Finding, FindingData, RelatedLocation } from '../../src/core/model/finding.js';
import type { Severity } from '../../src/core/model/severity.js';
import type { ReportInput } from '../../src/core/reports/reportInput.js';
import type { SourceRange } from '../../src/core/text/sourceRange.js';

/** A range on one line (columns 1-based, end exclusive); offsets are made up but consistent. */
export function range(line: number, column: number, endColumn: number, endLine = line): SourceRange {
  const offset = (line - 1) * 100 + column - 1;
  return {
    start: { line, column, offset },
    end: { line: endLine, column: endColumn, offset: (endLine - 1) * 100 + endColumn - 1 },
  };
}

/** Moves a range down by `lines`, as when text is inserted above it. */
export function shifted(r: SourceRange, lines: number): SourceRange {
  return {
    start: { ...r.start, line: r.start.line + lines, offset: r.start.offset + lines * 100 },
    end: { ...r.end, line: r.end.line + lines, offset: r.end.offset + lines * 100 },
  };
}

export function finding(
  ruleId: RuleId,
  severity: Severity,
  file: string,
  message: string,
  where?: SourceRange,
  extras: { related?: RelatedLocation[]; data?: FindingData } = {},
): Finding {
  return { ruleId, severity, file, message, ...(where ? { range: where } : {}), ...extras };
}

export const CATALOG = new ClauseCatalog(
  {
    id: 'mini:2024',
    title: 'Mini <standard> & "friends"',
    version: '2024',
    exclusions: { allowed: true },
    clauses: [
      { id: '1', title: 'Group' },
      { id: '1.1', title: 'Policy', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
      { id: '1.2', title: 'Operation', parent: '1', records: [{ description: 'operation records' }] },
      { id: '2', title: 'Second' },
      { id: '2.1', title: 'Uncovered <script>alert(1)</script>', parent: '2' },
      { id: '2.2', title: 'Excluded one', parent: '2' },
    ],
  },
  'test',
);

const APPROVED: DocumentControl = { approval: 'in-force', review: 'current', defects: [], label: 'approved' };

const clauses: ClauseCoverage[] = [
  {
    clause: '1.1',
    title: 'Policy',
    status: 'covered',
    documents: [
      {
        id: 'POL-1',
        title: '=HYPERLINK("http://evil.example","x")',
        path: 'sms/policies/policy one.md',
        type: 'policy',
        status: 'approved',
        control: APPROVED,
        claimRange: range(5, 5, 8),
      },
    ],
    evidence: [],
    evidenceCount: { linked: 0, usable: 0, unusable: {} },
    missingDocuments: [],
    recordsRequired: false,
    recordsPresent: false,
    reasons: [],
  },
  {
    clause: '1.2',
    title: 'Operation, "daily"\nand nightly',
    status: 'partial',
    documents: [
      {
        id: 'PRC-OPS',
        title: 'Operations <b>bold</b>',
        path: 'sms/processes/ops.md',
        type: 'process',
        status: 'approved',
        control: APPROVED,
        claimRange: range(6, 5, 8),
      },
    ],
    evidence: [
      { documentId: 'PRC-OPS', documentPath: 'sms/processes/ops.md', path: 'records/old.md', date: '2020-01-01', state: 'stale', range: range(9, 11, 25) },
      { documentId: 'PRC-OPS', documentPath: 'sms/processes/ops.md', url: 'https://tracker.example/board', state: 'undated', range: range(10, 11, 40) },
    ],
    evidenceCount: { linked: 2, usable: 1, unusable: { stale: 1 } },
    missingDocuments: [],
    recordsRequired: true,
    recordsPresent: false,
    reasons: [
      { kind: 'gap', text: '-1+1 records are stale' },
      { kind: 'gap', text: '@SUM(A1:A2)' },
    ],
  },
  {
    clause: '2.1',
    title: 'Uncovered <script>alert(1)</script>',
    status: 'uncovered',
    documents: [],
    evidence: [],
    evidenceCount: { linked: 0, usable: 0, unusable: {} },
    missingDocuments: [{ description: 'a plan', types: ['plan'] }],
    recordsRequired: false,
    recordsPresent: false,
    reasons: [{ kind: 'gap', text: 'no document addresses it' }],
  },
  {
    clause: '2.2',
    title: 'Excluded one',
    status: 'excluded',
    documents: [],
    evidence: [],
    evidenceCount: { linked: 0, usable: 0, unusable: {} },
    missingDocuments: [],
    recordsRequired: false,
    recordsPresent: false,
    reasons: [{ kind: 'exclusion', text: 'excluded: not in scope' }],
    exclusion: 'not in scope',
  },
];

export const COVERAGE: CoverageReport = {
  catalog: { id: CATALOG.id, title: CATALOG.title },
  clauses,
  summary: { leaves: 4, covered: 1, atRisk: 0, partial: 1, uncovered: 1, excluded: 1, percent: 33.3 },
};

export const FINDINGS: readonly Finding[] = [
  finding('control.review-overdue', 'error', 'sms/processes/ops.md', 'The review was due on 2026-08-31 (82 days ago).', range(10, 14, 24), {
    data: { field: 'next_review' },
  }),
  finding('frontmatter.unknown-field', 'info', 'sms/processes/ops.md', '`reviewers` is not a Clausemark field.', range(11, 1, 10), {
    data: { field: 'reviewers' },
  }),
  finding('trace.duplicate-id', 'error', 'sms/policies/policy one.md', 'The id `POL-1` is also used by sms/other.md.', range(2, 5, 10), {
    related: [{ file: 'sms/other.md', range: range(2, 5, 10), message: 'first defined here' }],
    data: { documentId: 'POL-1' },
  }),
  finding('control.review-due-soon', 'warning', 'sms/policies/policy one.md', 'The review is due on 2026-12-15 (in 24 days).', range(9, 14, 24), {
    data: { field: 'next_review' },
  }),
  finding('coverage.uncovered-clause', 'warning', '.', '2.1 Uncovered: no document addresses this clause.', undefined, { data: { clause: '2.1' } }),
];

export function makeInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    findings: FINDINGS,
    coverage: COVERAGE,
    catalog: CATALOG,
    root: '/work/acme repo',
    stats: { files: 7, documents: 5 },
    today: '2026-11-21',
    toolVersion: '1.2.3',
    ...overrides,
  };
}

/** Every `\u001b[` escape sequence start in a string. */
export const ANSI = /\u001b\[/;
