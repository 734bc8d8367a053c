import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';
import { withDefaults } from '../../src/core/config/clausemarkConfig.js';
import { loadProject } from '../../src/core/config/loadProject.js';
import { FieldNames } from '../../src/core/document/fieldNames.js';
import { readDocument } from '../support/readDocument.js';
import { completionContextAt } from '../../src/core/language/completion.js';
import { quickFixesFor } from '../../src/core/language/quickFixes.js';
import type { SourceRange } from '../../src/core/text/sourceRange.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import { markedText, type ExpectedRange } from '../support/markedText.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { describeFinding, indexOf } from '../support/repository.js';

const MAPPING = { title: 'name', id: ['id', 'acronym'], clauses: 'satisfies' } as const;
const names = FieldNames.from(MAPPING);

function span(range: SourceRange | ExpectedRange | undefined): string {
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : 'none';
}

describe('field mapping (`fields` in clausemark.json)', () => {
  it('reads fields under the names the mapping gives, at the positions of the keys written', () => {
    const { text, ranges } = markedText('---\n«name»: «Access policy»\n«acronym»: «POL-AC»\ntype: policy\n«satisfies»:\n  - «8.1»\n---\n# Access\n');
    const result = readDocument('sms/ac.md', text, { inSmsFolder: true, fieldNames: names });
    const document = result.document;
    assert.ok(document);
    assert.deepEqual(result.findings, []);
    assert.equal(document.title?.value, 'Access policy');
    assert.equal(span(document.title?.range), span(ranges[1]));
    assert.equal(document.id?.value, 'POL-AC');
    assert.equal(span(document.id?.range), span(ranges[3]));
    assert.deepEqual(
      document.clauses.map((claim) => [claim.clause, span(claim.range)]),
      [['8.1', span(ranges[5])]],
    );
    // Rules find a field by Clausemark's name and point at the key actually written.
    assert.equal(span(document.fields.get('title')?.keyRange), span(ranges[0]));
    assert.equal(document.fields.get('title')?.key, 'name');
    assert.equal(span(document.fields.get('id')?.keyRange), span(ranges[2]));
    assert.equal(span(document.fields.get('clauses')?.keyRange), span(ranges[4]));
  });

  it('takes the first key of a list that is present', () => {
    const both = readDocument('sms/a.md', '---\nacronym: POL-B\nid: POL-A\nname: A\ntype: policy\n---\n', { inSmsFolder: true, fieldNames: names });
    assert.equal(both.document?.id?.value, 'POL-A', '`id` comes first in the list, wherever it stands in the file');
    const second = readDocument('sms/a.md', '---\nacronym: POL-B\nname: A\ntype: policy\n---\n', { inSmsFolder: true, fieldNames: names });
    assert.equal(second.document?.id?.value, 'POL-B');
    assert.deepEqual(second.findings, []);
  });

  it('says where a mapped field is read from when it is missing, and a fix adds it under that key', () => {
    const text = '---\nacronym: POL-A\ntype: policy\n---\n# A\n';
    const result = readDocument('sms/a.md', text, { inSmsFolder: true, fieldNames: names });
    const missing = result.findings.find((finding) => finding.ruleId === 'frontmatter.missing-field');
    assert.equal(missing?.message, 'Every SMS document needs `title` (read from `name`); it is missing or empty.');
    const config = withDefaults({ fields: MAPPING });
    const [fix] = quickFixesFor(missing, {
      path: 'sms/a.md',
      text,
      lines: result.lines,
      document: result.document,
      catalog: builtinCatalog('iso20000-1:2018')!,
      config,
      today: '2026-11-21',
    });
    assert.equal(fix?.title, 'Add `name`');
    assert.equal(fix?.edits[0]?.newText, 'name: A\n');
    assert.equal(fix?.edits[0]?.start, text.indexOf('---\n# A'));
  });

  it('writes a new header under the mapped keys, and it reads back', () => {
    const text = '# Access\n\nWho may reach what.\n';
    const first = readDocument('sms/access.md', text, { inSmsFolder: true, fieldNames: names });
    const missing = first.findings.find((finding) => finding.ruleId === 'frontmatter.missing');
    const config = withDefaults({ fields: MAPPING });
    const [fix] = quickFixesFor(missing!, {
      path: 'sms/access.md',
      text,
      lines: first.lines,
      document: undefined,
      catalog: builtinCatalog('iso20000-1:2018')!,
      config,
      today: '2026-11-21',
    });
    const header = fix?.edits[0]?.newText ?? '';
    assert.match(header, /^---\nid: DOC-ACCESS\nname: Access\ntype: other\n/);
    assert.match(header, /\nsatisfies: \[\]\n---\n$/);
    const reread = readDocument('sms/access.md', header + text, { inSmsFolder: true, fieldNames: names });
    assert.equal(reread.document?.title?.value, 'Access');
    assert.deepEqual(
      reread.findings.map((finding) => finding.ruleId),
      [],
    );
  });

  it('hints at a key the mapping no longer reads, with the key to rename it to', () => {
    const { text, ranges } = markedText('---\nname: A\n«title»: B\nacronym: POL-A\ntype: policy\n---\n');
    const result = readDocument('sms/a.md', text, { inSmsFolder: true, fieldNames: names });
    assert.equal(result.findings.length, 1);
    const [hint] = result.findings;
    assert.equal(hint?.ruleId, 'frontmatter.unknown-field');
    assert.equal(span(hint?.range), span(ranges[0]));
    assert.match(hint?.message ?? '', /`title` is not read: clausemark.json \(`fields`\) reads `title` from `name`/);
    assert.deepEqual(hint?.data?.suggestions, ['name']);
    assert.equal(result.document?.title?.value, 'A');
    const unknown = readDocument('sms/a.md', '---\nnmae: A\nacronym: POL-A\ntype: policy\n---\n', { inSmsFolder: true, fieldNames: names });
    assert.deepEqual(
      unknown.findings.filter((finding) => finding.ruleId === 'frontmatter.unknown-field').map((finding) => finding.data?.suggestions),
      [['name']],
      'suggestions come from the keys that are read',
    );
  });

  it('recognises a document outside the SMS folders by its mapped claims key', () => {
    const text = '---\nname: A\nacronym: POL-A\nsatisfies: [8.1]\n---\n';
    assert.equal(readDocument('docs/a.md', text, { inSmsFolder: false, fieldNames: names }).isSmsDocument, true);
    assert.equal(readDocument('docs/a.md', text, { inSmsFolder: false }).isSmsDocument, false, "without the mapping it is somebody else's frontmatter");
    const unmapped = readDocument('sms/a.md', text, { inSmsFolder: true });
    assert.deepEqual(unmapped.findings.map((finding) => finding.ruleId).sort(), [
      'frontmatter.missing-field',
      'frontmatter.unknown-field',
      'frontmatter.unknown-field',
      'frontmatter.unknown-field',
    ]);
  });

  it('checks a repository through the mapping, with rule findings at the real keys', async () => {
    const config = JSON.stringify({ fields: MAPPING, extraFields: ['majorRevisions'] });
    const policy =
      '---\nname: Incident policy\nacronym: POL-INC\ntype: policy\nowner: Service Desk Manager\nstatus: draft\nversion: "1.0"\nsatisfies:\n  - 8.6.1\n  - 8.61\nmajorRevisions: []\n---\n# Incidents\n';
    const { index } = await indexOf({
      'clausemark.json': config,
      'sms/inc.md': policy,
      'sms/empty.md': '---\nname: Empty\nacronym: REC-E\ntype: policy\nowner: x\nstatus: draft\nversion: "1"\nsatisfies: []\n---\n',
    });
    const findings = index.allFindings().map(describeFinding);
    assert.ok(findings.includes('sms/inc.md:10:5-10:9 clause.unknown'), findings.join('\n'));
    assert.ok(findings.includes('sms/empty.md:8:1-8:10 trace.no-clauses'), findings.join('\n'));
    assert.deepEqual(
      index
        .coverage()
        .clauses.find((clause) => clause.clause === '8.6.1')
        ?.documents.map((document) => document.id),
      ['POL-INC'],
    );
  });

  it('completes clause ids after a mapped claims key', () => {
    const format = { fieldNames: names, openingFence: 'required' as const };
    for (const [text, kind] of [
      ['---\nsatisfies: [8.6|\n---\n', 'clause'],
      ['---\nsatisfies:\n  - 8.|\n---\n', 'clause'],
      ['---\nclauses: [8.|\n---\n', undefined],
    ] as const) {
      const offset = text.indexOf('|');
      const plain = text.replace('|', '');
      assert.equal(completionContextAt(plain, new LineIndex(plain), offset, format)?.kind, kind, text);
    }
  });

  it('reports a mapping to an unknown field, or a value that is not a key name, at its place in clausemark.json', async () => {
    const load = async (config: string) => {
      const fs = new MemoryFileSystem({ '/repo/clausemark.json': config, '/repo/.git/HEAD': 'x' });
      const result = await loadProject({ start: '/repo', fs });
      assert.equal(result.ok, false);
      return result.ok ? [] : result.problems.map((problem) => `${problem.range?.start.line}:${problem.range?.start.column} ${problem.message}`);
    };
    assert.deepEqual(await load('{\n  "fields": {\n    "titel": "name"\n  }\n}\n'), ['3:5 `fields` has an unknown property `titel`']);
    assert.deepEqual(await load('{\n  "fields": { "title": 3 }\n}\n'), ['2:24 `fields.title` must be string,array']);
    assert.deepEqual(await load('{\n  "fields": { "id": ["id", 7] }\n}\n'), ['2:28 `fields.id.1` must be string']);
    assert.deepEqual(await load('{\n  "fields": { "id": [] }\n}\n'), ['2:21 `fields.id` must NOT have fewer than 1 items']);
    assert.deepEqual(await load('{ "frontmatter": { "openingFence": "maybe" } }'), ['1:36 `frontmatter.openingFence` must be one of: "required", "optional"']);
  });
});
