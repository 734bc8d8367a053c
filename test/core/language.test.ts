import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';
import { DEFAULT_CONFIG } from '../../src/core/config/clausemarkConfig.js';
import { readDocument } from '../support/readDocument.js';
import { completionContextAt } from '../../src/core/language/completion.js';
import { clauseHover, documentHover } from '../../src/core/language/hover.js';
import { targetAt } from '../../src/core/language/locate.js';
import { clauseReferences, documentLinks, documentReferences } from '../../src/core/language/navigation.js';
import { quickFixesFor, type QuickFix } from '../../src/core/language/quickFixes.js';
import { documentTemplate } from '../../src/core/templates/documentTemplate.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import { documentText, indexOf } from '../support/repository.js';

const catalog = builtinCatalog('iso20000-1:2018')!;
const TEXT = documentText(
  { related: '[POL-SMS]', evidence: '\n  - path: ../records/r.md\n    clause: 8.6.1' },
  '# Incidents\n\nThis process meets 8.6.1 and 9.1 (version 2.1.3 of the tool).\n',
);

function read(text = TEXT) {
  const result = readDocument('sms/inc.md', text, { inSmsFolder: true });
  assert.ok(result.document);
  return { document: result.document, lines: result.lines, text };
}

function apply(text: string, fix: QuickFix): string {
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

describe('language features', () => {
  it('finds the clause, document id or evidence path under the cursor', () => {
    const { document, lines, text } = read();
    const at = (needle: string, skip = 0): ReturnType<typeof targetAt> => targetAt(document, text, lines, catalog, text.indexOf(needle) + skip);
    assert.deepEqual({ ...at('8.6.1', 2), range: undefined }, { kind: 'clause', clause: '8.6.1', range: undefined });
    assert.equal(at('POL-SMS')?.kind, 'document-id');
    assert.equal(at('../records')?.kind === 'evidence-path' && at('../records')?.kind, 'evidence-path');
    assert.equal(at('PRC-INC')?.kind === 'document-id' && (at('PRC-INC') as { own: boolean }).own, true);
    const inProse = targetAt(document, text, lines, catalog, text.indexOf('9.1 (') + 1);
    assert.equal(inProse?.kind === 'clause' && inProse.clause, '9.1');
    assert.equal(targetAt(document, text, lines, catalog, text.indexOf('2.1.3') + 1), undefined, 'a version number is not a clause');
  });

  it('hovers a clause with its title, documented information and coverage', async () => {
    const { index } = await indexOf({ 'sms/inc.md': documentText() });
    const markdown = clauseHover(
      catalog,
      '8.6.1',
      index.coverage().clauses.find((c) => c.clause === '8.6.1'),
    );
    assert.match(markdown, /\*\*8\\\.6\\\.1 Incident management\*\*/);
    assert.match(markdown, /records:/);
    assert.match(markdown, /Coverage: .* partial/);
    assert.match(markdown, /PRC\\-INC \(approved\)/);
    assert.match(clauseHover(catalog, '8.7', undefined), /Groups 8\\\.7\\\.1/);
  });

  it('escapes document text in hovers', () => {
    const { document } = read(documentText({ title: '"<img src=x onerror=alert(1)> *bold*"' }));
    assert.doesNotMatch(documentHover('PRC-INC', [document]), /<img/);
  });

  it('knows what to complete where', () => {
    const cases: [string, string | undefined][] = [
      ['type: pro|', 'type'],
      ['status: |', 'status'],
      ['clauses:\n  - 8.6|', 'clause'],
      ['clauses:\n  - clause: 8.|', 'clause'],
      ['related: [POL-SMS, PR|]', 'document-id'],
      ['related:\n  - PR|', 'document-id'],
      ['evidence:\n  - path: ../rec|', 'evidence-path'],
      ['evidence:\n  - url: https://x\n    clause: 8.|', 'clause'],
      ['title: Inc|', undefined],
      ['audit:\n  kind: sur|', 'audit-kind'],
      ['audit:\n  auditor: Jane|', undefined],
      ['findings:\n  - id: NC-1\n    grade: mi|', 'finding-grade'],
      ['findings:\n  - grade: |', 'finding-grade'],
      ['findings:\n  - id: NC-1\n    status: op|', 'finding-status'],
      ['findings:\n  - id: NC-1\n    kind: |', undefined],
    ];
    for (const [fragment, expected] of cases) {
      const source = `---\nid: A\n${fragment}\n---\n# Body\n`;
      const offset = source.indexOf('|');
      const text = source.replace('|', '');
      assert.equal(completionContextAt(text, new LineIndex(text), offset)?.kind, expected, fragment);
    }
    const text = '---\nclauses:\n  - 8.6\n---\n';
    const context = completionContextAt(text, new LineIndex(text), text.indexOf('8.6') + 3);
    assert.deepEqual([context?.prefix, context?.replace.start.offset, context?.replace.end.offset], ['8.6', text.indexOf('8.6'), text.indexOf('8.6') + 3]);
    assert.equal(completionContextAt('# no frontmatter\n', new LineIndex('# no frontmatter\n'), 3), undefined);
  });

  it('finds references and links', async () => {
    const { index } = await indexOf({
      'sms/a.md': documentText({ id: 'PRC-A', related: '[POL-SMS]', clauses: '\n  - 8.6.1', evidence: '\n  - path: ../records/r.md\n    clause: 8.6.1' }),
      'sms/p.md': documentText({ id: 'POL-SMS', type: 'policy', clauses: '\n  - 5.2.1\n  - 8.6.1' }),
    });
    assert.deepEqual(
      clauseReferences('8.6.1', index.documents()).map((p) => `${p.path}:${p.range.start.line}`),
      ['sms/a.md:12', 'sms/a.md:16', 'sms/p.md:13'],
    );
    assert.deepEqual(
      documentReferences('POL-SMS', index.documents()).map((p) => p.path),
      ['sms/a.md', 'sms/p.md'],
    );
    const links = documentLinks(index.documentAt('sms/a.md')!, (id) => index.documentsWithId(id));
    assert.deepEqual(
      links.map((l) => l.target),
      ['records/r.md', 'sms/p.md'],
    );
  });

  describe('quick fixes', () => {
    const fixesFor = async (text: string, rule: string): Promise<{ fixes: QuickFix[]; text: string }> => {
      const { index } = await indexOf({ 'sms/inc.md': text });
      const finding = index.findingsFor('sms/inc.md').find((f) => f.ruleId === rule);
      assert.ok(finding, `a ${rule} finding`);
      const read = index.readResult('sms/inc.md')!;
      return {
        fixes: quickFixesFor(finding, {
          path: 'sms/inc.md',
          text,
          lines: read.lines,
          document: read.document,
          catalog,
          config: DEFAULT_CONFIG,
          today: '2026-11-21',
        }),
        text,
      };
    };
    const fixedText = async (text: string, rule: string): Promise<string> => {
      const { fixes } = await fixesFor(text, rule);
      assert.ok(fixes[0], `a fix for ${rule}`);
      return apply(text, fixes[0]);
    };
    const findingsAfter = async (text: string): Promise<string[]> =>
      (await indexOf({ 'sms/inc.md': text })).index.findingsFor('sms/inc.md').map((f) => f.ruleId);

    it('replaces an unknown clause with a suggestion, which then checks clean', async () => {
      const fixed = await fixedText(documentText({ clauses: '\n  - 8.6.4' }), 'clause.unknown');
      assert.match(fixed, /- 8\.6\.1\n/);
      assert.ok(!(await findingsAfter(fixed)).includes('clause.unknown'));
    });

    it('adds missing document-control and approval fields', async () => {
      for (const [fields, rule] of [
        [{ owner: undefined }, 'control.missing-field'],
        [{ approved_on: undefined, approved_by: undefined }, 'control.missing-approval'],
        [{ next_review: undefined }, 'control.missing-review-date'],
      ] as const) {
        const fixed = await fixedText(documentText(fields), rule);
        assert.ok(!(await findingsAfter(fixed)).includes(rule), `${rule} fixed:\n${fixed}`);
      }
    });

    it('sets next_review one cycle ahead after a review', async () => {
      const fixed = await fixedText(documentText({ next_review: '2026-01-31' }), 'control.review-overdue');
      assert.match(fixed, /next_review: 2027-11-21/);
    });

    it('inserts a frontmatter skeleton that parses', async () => {
      const fixed = await fixedText('# Demand management\r\n\r\nTo do.\r\n', 'frontmatter.missing');
      assert.match(fixed, /^---\r\nid: DOC-INC\r\ntitle: Demand management\r\n/);
      const after = await findingsAfter(fixed);
      assert.ok(!after.includes('frontmatter.missing') && !after.includes('frontmatter.invalid-yaml'), after.join(', '));
    });

    it('removes a repeated clause', async () => {
      const fixed = await fixedText(documentText({ clauses: '\n  - 8.6.1\n  - 8.6.1' }), 'clause.duplicate');
      assert.equal((fixed.match(/- 8\.6\.1/g) ?? []).length, 1);
    });

    it('offers to create a missing evidence record from the template', async () => {
      const { fixes } = await fixesFor(
        documentText({ evidence: '\n  - path: ../records/2026-10-01-major-incident.md\n    clause: 8.6.1\n    date: 2026-10-01' }),
        'evidence.missing-file',
      );
      assert.equal(fixes[0]?.createFile?.path, 'records/2026-10-01-major-incident.md');
      const created = readDocument('records/x.md', fixes[0]?.createFile?.content ?? '', { inSmsFolder: true });
      assert.deepEqual(created.findings, []);
      assert.equal(created.document?.type?.value, 'record');
      assert.deepEqual(
        created.document?.clauses.map((c) => c.clause),
        ['8.6.1'],
      );
    });
  });

  it('templates for every document type parse without format findings', () => {
    for (const type of ['policy', 'plan', 'process', 'procedure', 'catalogue', 'agreement', 'register', 'record', 'report', 'other'] as const) {
      const text = documentTemplate({ id: 'X-1', title: 'Example: true', type, today: '2026-11-21', reviewCycleMonths: 12, clauses: ['8.6.1'] });
      const result = readDocument('sms/x.md', text, { inSmsFolder: true });
      assert.deepEqual(result.findings, [], `${type}:\n${text}`);
      assert.equal(result.document?.title?.value, 'Example: true');
    }
  });
});
