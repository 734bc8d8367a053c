import assert from 'node:assert/strict';
import { readSmsDocument } from '../../src/core/document/readSmsDocument.js';
import { readDocument } from '../support/readDocument.js';
import type { Finding } from '../../src/core/model/finding.js';
import { markedText } from '../support/markedText.js';
import { readFindings } from '../../src/core/rules/readFindings.js';

const inSms = { inSmsFolder: true };
const elsewhere = { inSmsFolder: false };

function rangeOf(finding: Finding | undefined): string {
  const range = finding?.range;
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : 'none';
}

function expected(range: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined): string {
  assert.ok(range, 'the fixture marks a range');
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

describe('reading SMS documents', () => {
  it('records what is wrong as plain data for the rules to word, and nothing at all for a sound document', () => {
    const sound = readSmsDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: policy\nclauses: [5.2]\n---\n# A\n', inSms);
    assert.ok(sound.document);
    assert.equal('problems' in sound, false);
    const broken = readSmsDocument('sms/b.md', '---\nid: B\nid: C\ntitle: B\ntype: polcy\nownr: me\n---\n', inSms);
    assert.deepEqual(
      broken.problems?.map((problem) => problem.rule),
      ['frontmatter.duplicate-key', 'frontmatter.unknown-field', 'frontmatter.invalid-field'],
    );
    // Plain data: the parse cache stores it as JSON, and what comes back is worded the same.
    const restored = { ...broken, problems: JSON.parse(JSON.stringify(broken.problems)) as typeof broken.problems };
    assert.equal(readFindings(restored).length, 3);
    assert.deepEqual(
      readFindings(restored).map((f) => f.message),
      readFindings(broken).map((f) => f.message),
    );
  });

  it('reads every field with the exact range of its value', () => {
    const { text, ranges } = markedText(
      '---\nid: «PRC-INC»\ntitle: «Incident management»\ntype: «process»\nstatus: «approved»\nversion: «"2.1"»\nclauses:\n  - «8.6.1»\n  - clause: «8.6.2»\n    section: «service-requests»\nevidence:\n  - «path: ../records/a.md\n    clause: 8.6.1\n    date: 2026-09-30»\nrelated: [«POL-SMS», «PRC-PRB»]\n---\n# Incident management\n\n## Service requests\n',
    );
    const result = readDocument('sms/inc.md', text, inSms);
    const document = result.document;
    assert.ok(document);
    assert.deepEqual(result.findings, []);
    assert.equal(document.id?.value, 'PRC-INC');
    assert.equal(rangeOf({ range: document.id?.range } as Finding), expected(ranges[0]));
    assert.equal(rangeOf({ range: document.title?.range } as Finding), expected(ranges[1]));
    assert.equal(document.type?.value, 'process');
    assert.equal(rangeOf({ range: document.status?.range } as Finding), expected(ranges[3]));
    assert.equal(document.version?.value, '2.1');
    assert.deepEqual(
      document.clauses.map((claim) => claim.clause),
      ['8.6.1', '8.6.2'],
    );
    assert.equal(rangeOf({ range: document.clauses[0]?.range } as Finding), expected(ranges[5]));
    assert.equal(rangeOf({ range: document.clauses[1]?.range } as Finding), expected(ranges[6]));
    assert.equal(document.clauses[1]?.section?.value, 'service-requests');
    assert.equal(rangeOf({ range: document.clauses[1]?.section?.range } as Finding), expected(ranges[7]));
    assert.equal(document.evidence[0]?.path?.value, '../records/a.md');
    assert.equal(document.evidence[0]?.date?.value, '2026-09-30');
    assert.equal(rangeOf({ range: document.evidence[0]?.itemRange } as Finding), expected(ranges[8]));
    assert.deepEqual(
      document.related.map((r) => r.value),
      ['POL-SMS', 'PRC-PRB'],
    );
    assert.equal(rangeOf({ range: document.related[1]?.range } as Finding), expected(ranges[10]));
    assert.deepEqual(
      document.headings.map((h) => h.slug),
      ['incident-management', 'service-requests'],
    );
  });

  it('keeps clause numbers as written, not as YAML numbers (8.10 is not 8.1)', () => {
    const result = readDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: plan\nclauses:\n  - 9.1\n  - 8.10\n  - 10\n---\n', inSms);
    assert.deepEqual(
      result.document?.clauses.map((claim) => claim.clause),
      ['9.1', '8.10', '10'],
    );
  });

  it('reads CRLF files with the same lines and columns as LF files', () => {
    const lf = '---\nid: PRC-A\ntitle: A\ntype: process\nclauses:\n  - 8.6.4\n---\n# A\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = readDocument('sms/a.md', lf, inSms).document;
    const b = readDocument('sms/a.md', crlf, inSms).document;
    assert.ok(a && b);
    assert.equal(b.id?.value, 'PRC-A');
    assert.deepEqual(
      { line: b.clauses[0]?.range.start.line, column: b.clauses[0]?.range.start.column, endColumn: b.clauses[0]?.range.end.column },
      { line: a.clauses[0]?.range.start.line, column: a.clauses[0]?.range.start.column, endColumn: a.clauses[0]?.range.end.column },
    );
    assert.deepEqual(
      b.headings.map((h) => h.text),
      ['A'],
    );
  });

  it('reads a file that starts with a byte order mark', () => {
    const result = readDocument('sms/a.md', '\uFEFF---\nid: PRC-A\ntitle: A\ntype: process\n---\n', inSms);
    assert.equal(result.document?.id?.value, 'PRC-A');
    assert.equal(result.document?.id?.range.start.line, 2);
  });

  it('leaves ordinary Markdown alone outside the SMS folders', () => {
    for (const text of ['# README\n\nHello.\n', '---\ntitle: Blog post\nlayout: post\n---\nText\n', '---\nid: intro\ntitle: Docusaurus page\n---\n']) {
      const result = readDocument('README.md', text, elsewhere);
      assert.equal(result.isSmsDocument, false, text);
      assert.deepEqual(result.findings, []);
    }
  });

  it('takes frontmatter with clauses or with id and type as an SMS document anywhere', () => {
    assert.equal(readDocument('docs/x.md', '---\nid: X\ntitle: X\ntype: policy\n---\n', elsewhere).isSmsDocument, true);
    assert.equal(readDocument('docs/y.md', '---\ntitle: Y\nclauses: [8.6.1]\n---\n', elsewhere).isSmsDocument, true);
  });

  it('reports a file in an SMS folder without frontmatter on its first line', () => {
    const result = readDocument('sms/draft.md', '# Demand management\n\nTo be written.\n', inSms);
    assert.equal(result.isSmsDocument, true);
    assert.deepEqual(
      result.findings.map((f) => `${f.ruleId} ${rangeOf(f)}`),
      ['frontmatter.missing 1:1-1:20'],
    );
  });

  it('treats empty frontmatter in an SMS folder as a document with its required fields missing', () => {
    const result = readDocument('sms/empty.md', '---\n---\n# Empty\n', inSms);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['frontmatter.missing-field'],
    );
    assert.match(result.findings[0]?.message ?? '', /`id`, `title`, `type`/);
  });

  it('reports invalid YAML at the error, not at line 1', () => {
    const { text, ranges } = markedText('---\nid: A\ntitle: A\ntype: process\nclauses: [8.6.1\n«o»wner: x\n---\n');
    const result = readDocument('sms/a.md', text, inSms);
    assert.equal(result.document, undefined);
    const error = result.findings.find((f) => f.ruleId === 'frontmatter.invalid-yaml');
    assert.ok(error, 'an invalid-yaml finding');
    assert.equal(rangeOf(error), expected(ranges[0]));
  });

  it('reports tabs used as indentation where they are', () => {
    const result = readDocument('sms/a.md', '---\nid: A\nclauses:\n\t- 8.6.1\n---\n', inSms);
    const error = result.findings.find((f) => f.ruleId === 'frontmatter.invalid-yaml');
    assert.equal(error?.range?.start.line, 4);
  });

  it('reports an unclosed frontmatter block at its opening fence', () => {
    const result = readDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: process\n\n# Body that never ends the block\n', inSms);
    assert.deepEqual(
      result.findings.map((f) => `${f.ruleId} ${rangeOf(f)}`),
      ['frontmatter.invalid-yaml 1:1-1:4'],
    );
    assert.match(result.findings[0]?.message ?? '', /never closed/);
  });

  it('does not end frontmatter at a line that merely starts with ---', () => {
    const result = readDocument('sms/a.md', '---\nid: A\ntitle: A\n----\ntype: process\n---\n', inSms);
    assert.ok(
      result.findings.some((f) => f.ruleId === 'frontmatter.invalid-yaml'),
      'the ---- line is inside the YAML and is not valid there',
    );
  });

  it('reports both places of a duplicate key', () => {
    const { text, ranges } = markedText('---\n«id»: A\ntitle: A\ntype: process\n«id»: B\n---\n');
    const result = readDocument('sms/a.md', text, inSms);
    const duplicate = result.findings.find((f) => f.ruleId === 'frontmatter.duplicate-key');
    assert.equal(rangeOf(duplicate), expected(ranges[1]));
    assert.equal(rangeOf({ range: duplicate?.related?.[0]?.range } as Finding), expected(ranges[0]));
    assert.equal(result.document?.id?.value, 'A', 'the first value wins');
  });

  it('refuses YAML aliases instead of expanding them', () => {
    const bomb = '---\nid: A\ntitle: A\ntype: process\nx: &a [1,1,1,1,1,1,1,1,1]\nowner: *a\n---\n';
    const result = readDocument('sms/a.md', bomb, { inSmsFolder: true, extraFields: ['x'] });
    const finding = result.findings.find((f) => f.ruleId === 'frontmatter.invalid-field');
    assert.match(finding?.message ?? '', /alias/);
    assert.equal(finding?.range?.start.line, 6);
  });

  it('warns when YAML would read a version as a different number', () => {
    const { text, ranges } = markedText('---\nid: A\ntitle: A\ntype: process\nversion: «2.10»\n---\n');
    const result = readDocument('sms/a.md', text, inSms);
    assert.equal(result.document?.version?.value, '2.10');
    const finding = result.findings.find((f) => f.ruleId === 'frontmatter.invalid-field');
    assert.equal(rangeOf(finding), expected(ranges[0]));
    assert.equal(readDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: process\nversion: 2.1\n---\n', inSms).findings.length, 0);
  });

  it('reports unknown values, bad dates and unknown fields with suggestions', () => {
    const { text, ranges } = markedText('---\nid: A\ntitle: A\ntype: «proces»\nstatus: approved\nnext_review: «31/03/2027»\n«reviewer»: Bob\n---\n');
    const result = readDocument('sms/a.md', text, inSms);
    const byRule = (rule: string): Finding[] => result.findings.filter((f) => f.ruleId === rule);
    assert.deepEqual(byRule('frontmatter.invalid-field').map(rangeOf), [expected(ranges[0]), expected(ranges[1])]);
    assert.match(byRule('frontmatter.invalid-field')[0]?.message ?? '', /did you mean `process`/);
    assert.equal(rangeOf(byRule('frontmatter.unknown-field')[0]), expected(ranges[2]));
    assert.equal(byRule('frontmatter.missing-field').length, 0, 'an invalid type is not also reported as missing');
  });

  it("accepts the organisation's extra fields", () => {
    const text = '---\nid: A\ntitle: A\ntype: process\nclassification: internal\n---\n';
    assert.equal(readDocument('sms/a.md', text, inSms).findings.length, 1);
    assert.equal(readDocument('sms/a.md', text, { inSmsFolder: true, extraFields: ['classification'] }).findings.length, 0);
  });

  it('stores keys such as __proto__ without polluting objects', () => {
    const result = readDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: process\n__proto__:\n  polluted: yes\nconstructor: x\n---\n', inSms);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(result.document?.fields.has('__proto__'));
  });

  it('finds mermaid blocks with their ranges', () => {
    const result = readDocument('sms/a.md', '---\nid: A\ntitle: A\ntype: process\n---\n# Flow\n\n```mermaid\nflowchart TD\n  A --> B\n```\n', inSms);
    assert.deepEqual(
      result.document?.diagrams.map((d) => [d.language, d.range.start.line, d.range.end.line]),
      [['mermaid', 8, 11]],
    );
  });
});
