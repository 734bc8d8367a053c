import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { loadProject } from '../../src/core/config/loadProject.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { describeFinding, documentText, indexOf } from '../support/repository.js';
import { THREE_CATALOGS_CONFIG, TSC_CATALOG, threeCatalogRepository } from './support.js';

function fsOf(files: Record<string, string>): MemoryFileSystem {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/repo/${path}`, text])));
  fs.write('/repo/.git/HEAD', 'ref: refs/heads/main\n');
  return fs;
}

describe('several catalogs in clausemark.json', () => {
  it('loads each under its alias in file order, the first primary, even for integer-like aliases', async () => {
    const config = '{ "catalogs": { "27001": "iso27001:2022", "TSC": "./tsc.catalog.json", "20000": "iso20000-1:2018" } }';
    const loaded = await loadProject({ start: '/repo', fs: fsOf({ 'clausemark.json': config, 'tsc.catalog.json': TSC_CATALOG }) });
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.project.catalogs?.entries.map((entry) => [entry.alias, entry.catalog.id]),
      [
        ['27001', 'iso27001:2022'],
        ['TSC', 'tsc:2017'],
        ['20000', 'iso20000-1:2018'],
      ],
    );
    assert.equal(loaded.project.catalog.id, 'iso27001:2022');
    assert.equal(loaded.project.config.catalog, 'iso27001:2022');
  });

  it('keeps the single `catalog` working, as one catalog under its own id', async () => {
    const loaded = await loadProject({ start: '/repo', fs: fsOf({ 'clausemark.json': '{ "catalog": "iso9001:2015" }' }) });
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.project.catalogs?.aliases(), ['iso9001:2015']);
    assert.equal(loaded.project.catalogs?.isSingle, true);
  });

  it('refuses a catalog it cannot load at its alias, and `catalog` beside `catalogs` at the `catalog` key', async () => {
    const broken = await loadProject({
      start: '/repo',
      fs: fsOf({ 'clausemark.json': '{\n  "catalogs": {\n    "20000": "iso20000-1:2018",\n    "X": "iso27002:2022"\n  }\n}' }),
    });
    assert.equal(broken.ok, false);
    if (broken.ok) return;
    assert.match(broken.problems[0]?.message ?? '', /unknown catalog `iso27002:2022`.*iso27001:2022/);
    assert.deepEqual(broken.problems[0]?.range?.start, { line: 4, column: 10, offset: 59 });
    const both = await loadProject({
      start: '/repo',
      fs: fsOf({ 'clausemark.json': '{\n  "catalog": "iso20000-1:2018",\n  "catalogs": { "A": "iso9001:2015" }\n}' }),
    });
    assert.equal(both.ok, false);
    if (!both.ok) assert.equal(both.problems[0]?.range?.start.line, 2);
  });
});

describe('claims of several catalogs', () => {
  it('accepts bare primary ids, alias mappings and qualified ids without findings', async () => {
    const { index } = await indexOf(threeCatalogRepository());
    const claims = index.allFindings().filter((finding) => finding.ruleId.startsWith('clause.'));
    assert.deepEqual(claims.map(describeFinding), []);
  });

  it('reports an unknown id with suggestions from its own catalog only, at the id', async () => {
    const files = {
      'clausemark.json': THREE_CATALOGS_CONFIG,
      'tsc.catalog.json': TSC_CATALOG,
      // A.5.99 under 27001: suggestions are Annex A ids, never 20000-1 clauses; written bare, as in the file.
      'sms/a.md': documentText({ clauses: '\n  "27001": [A.5.99]\n  "20000": [8.6.9]' }),
      'sms/b.md': documentText({ id: 'B', clauses: '\n  - 27001:10.9\n  - TSC:CC6.9' }),
    };
    const { index } = await indexOf(files);
    const unknown = index.allFindings().filter((finding) => finding.ruleId === 'clause.unknown');
    assert.deepEqual(unknown.map(describeFinding).sort(), [
      'sms/a.md:12:13-12:19 clause.unknown',
      'sms/a.md:13:13-13:18 clause.unknown',
      'sms/b.md:12:5-12:15 clause.unknown',
      'sms/b.md:13:5-13:14 clause.unknown',
    ]);
    const byText = new Map(unknown.map((finding) => [finding.message.split('`')[1], finding]));
    assert.match(byText.get('A.5.99')?.message ?? '', /not a clause of ISO\/IEC 27001:2022/);
    assert.deepEqual(byText.get('A.5.99')?.data?.suggestions, ['A.5.9', 'A.5.19', 'A.5.29']);
    assert.match(byText.get('8.6.9')?.message ?? '', /ISO\/IEC 20000-1:2018/);
    assert.ok(
      (byText.get('10.9')?.data?.suggestions as string[]).every((s) => s.startsWith('27001:')),
      JSON.stringify(byText.get('10.9')?.data),
    );
    assert.deepEqual(byText.get('CC6.9')?.data?.suggestions, ['TSC:CC6.1', 'TSC:CC6.2', 'TSC:CC6']);
  });

  it('reports an unknown alias at the alias, naming the aliases there are', async () => {
    const files = {
      'clausemark.json': THREE_CATALOGS_CONFIG,
      'tsc.catalog.json': TSC_CATALOG,
      'sms/a.md': documentText({ clauses: '\n  "27002": [A.5.1]' }),
      'sms/b.md': documentText({ id: 'B', clauses: '\n  - tsc:CC6.1' }),
    };
    const { index } = await indexOf(files);
    const unknown = index.allFindings().filter((finding) => finding.ruleId === 'clause.unknown');
    assert.deepEqual(unknown.map(describeFinding).sort(), ['sms/a.md:12:3-12:10 clause.unknown', 'sms/b.md:12:5-12:14 clause.unknown']);
    assert.match(unknown[0]?.message ?? '', /is not a catalog alias of this project \(`20000`, `27001`, `TSC`\)/);
    const b = unknown.find((finding) => finding.file === 'sms/b.md');
    assert.deepEqual(b?.data?.suggestions, ['TSC:CC6.1']);
  });

  it('counts an id and its primary-qualified form as a duplicate', async () => {
    const { index } = await indexOf({ ...threeCatalogRepository(), 'sms/c.md': documentText({ id: 'C', clauses: '\n  - 8.6.1\n  - 20000:8.6.1' }) });
    assert.deepEqual(
      index
        .allFindings()
        .filter((finding) => finding.ruleId === 'clause.duplicate')
        .map(describeFinding),
      ['sms/c.md:13:5-13:16 clause.duplicate'],
    );
  });

  it('takes a qualified evidence clause as the claim it names', async () => {
    const evidence =
      '\nevidence:\n  - path: incident.md\n    clause: 20000:8.6.1\n    date: 2026-10-01\n  - path: incident.md\n    clause: 27001:A.5.26\n    date: 2026-10-01\n  - path: incident.md\n    clause: 27001:A.5.25\n    date: 2026-10-01';
    const files = threeCatalogRepository();
    files['sms/incident.md'] = files['sms/incident.md']!.replace('\n---\n', `${evidence}\n---\n`);
    const { index } = await indexOf(files);
    const notClaimed = index.allFindings().filter((finding) => finding.ruleId === 'evidence.clause-not-claimed');
    assert.deepEqual(
      notClaimed.map((finding) => finding.data?.clause),
      ['27001:A.5.25'],
    );
  });

  it('reports an evidence clause of an unknown alias or id as clause.unknown at the value, with suggestions from its catalog, and not also as unclaimed', async () => {
    const evidence = ['tsc:CC6.1', '27001:A.5.99', '8.6.9', '27001:A.5.25']
      .map((clause, item) => `\n  - path: incident.md\n    clause: ${clause}\n    date: 2026-10-0${item + 1}`)
      .join('');
    const files = threeCatalogRepository();
    files['sms/incident.md'] = files['sms/incident.md']!.replace('\n---\n', `\nevidence:${evidence}\n---\n`);
    const { index } = await indexOf(files);
    const of = (rule: string) => index.allFindings().filter((finding) => finding.ruleId === rule);
    const unknown = of('clause.unknown');
    assert.deepEqual(unknown.map(describeFinding), [
      'sms/incident.md:16:13-16:22 clause.unknown',
      'sms/incident.md:19:13-19:25 clause.unknown',
      'sms/incident.md:22:13-22:18 clause.unknown',
    ]);
    assert.deepEqual(
      unknown.map((finding) => [finding.message, finding.data?.suggestions]),
      [
        ['`tsc` is not a catalog alias of this project (`20000`, `27001`, `TSC`); did you mean TSC?', ['TSC:CC6.1']],
        [
          '`A.5.99` is not a clause of ISO/IEC 27001:2022 Information security management system requirements; did you mean 27001:A.5.9, 27001:A.5.19, 27001:A.5.29?',
          ['27001:A.5.9', '27001:A.5.19', '27001:A.5.29'],
        ],
        [
          '`8.6.9` is not a clause of ISO/IEC 20000-1:2018 Service management system requirements; did you mean 8.6.1, 8.6.2, 8.6.3?',
          ['8.6.1', '8.6.2', '8.6.3'],
        ],
      ],
    );
    // Only the known clause the document does not claim is unclaimed evidence.
    assert.deepEqual(of('evidence.clause-not-claimed').map(describeFinding), ['sms/incident.md:25:13-25:25 evidence.clause-not-claimed']);
  });

  it('lets the document schema accept the alias mapping and qualified ids, and still refuse a bad entry', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync('schemas/sms-document.schema.json', 'utf8')) as object);
    assert.equal(
      validate({ id: 'A', title: 'A', type: 'policy', clauses: { '20000': ['8.6.1'], '27001': ['A.5.24'] } }),
      true,
      JSON.stringify(validate.errors),
    );
    assert.equal(validate({ id: 'A', title: 'A', type: 'policy', clauses: ['8.6.1', '27001:A.5.24', { clause: 'TSC:CC6.1', section: 'access' }] }), true);
    assert.equal(validate({ id: 'A', title: 'A', type: 'policy', clauses: { '27001': 'A.5.24' } }), false);
    assert.equal(validate({ id: 'A', title: 'A', type: 'policy', clauses: { clause: '8.6.1' } }), false);
  });
});
