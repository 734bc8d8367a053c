import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { builtinCatalog, parseCatalog } from '../../src/core/catalog/loadCatalog.js';
import { loadProject } from '../../src/core/config/loadProject.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';

const catalogSchema = JSON.parse(readFileSync('schemas/clause-catalog.schema.json', 'utf8')) as object;
const builtinJson = JSON.parse(readFileSync('schemas/iso20000-1-2018.json', 'utf8')) as { clauses: { id: string; title: string; parent?: string }[] };

describe('the built-in ISO/IEC 20000-1:2018 catalog', () => {
  const catalog = builtinCatalog('iso20000-1:2018');

  it('validates against the catalog schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(catalogSchema);
    assert.equal(validate(builtinJson), true, JSON.stringify(validate.errors));
  });

  it('has clauses 4 to 10: 77 entries, 57 leaves', () => {
    assert.ok(catalog);
    assert.equal(catalog.all().length, 77);
    assert.equal(catalog.leaves().length, 57);
    assert.deepEqual([...new Set(catalog.all().map((c) => c.id.split('.')[0]))], ['4', '5', '6', '7', '8', '9', '10']);
  });

  it('allows no exclusions', () => {
    assert.equal(catalog?.exclusionsAllowed, false);
  });

  it('says which document types satisfy the clauses that need documents', () => {
    assert.deepEqual(
      catalog?.requiredDocuments('8.5.1.1').map((d) => d.types),
      [['policy']],
    );
    assert.deepEqual(
      catalog?.requiredDocuments('8.3.3').map((d) => d.types),
      [['agreement']],
    );
    assert.ok((catalog?.requiredRecords('8.6.1').length ?? 0) > 0, 'incident management needs records');
    assert.equal(catalog?.requiredDocuments('7.6').length, 0);
  });

  // The shared reference sits beside the repository in development and in CI.
  const referencePath = '../shared/reference/iso20000-1-2018.json';
  it('matches the reference facts clause for clause (numbers, titles, parents)', function () {
    if (!existsSync(referencePath)) {
      if (process.env.CI) assert.fail(`${referencePath} is missing in CI`);
      this.skip();
    }
    const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as { clauses: { id: string; title: string; parent?: string }[] };
    assert.deepEqual(
      builtinJson.clauses.map((c) => [c.id, c.title, c.parent]),
      reference.clauses.map((c) => [c.id, c.title, c.parent]),
    );
  });
});

describe('custom catalogs', () => {
  it('reports JSON syntax errors at their position', () => {
    const result = parseCatalog('{\n  "id": "x",\n  "title": "X",\n  "clauses": [ { "id": "1" "title": "A" } ]\n}', 'c.json');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problems[0]?.range?.start.line, 4);
    assert.match(result.problems[0]?.message ?? '', /invalid JSON/);
  });

  it('reports valid JSON of the wrong shape at the offending node', () => {
    const result = parseCatalog(
      '{\n  "id": "x",\n  "title": "X",\n  "clauses": [\n    { "id": "1", "title": "A", "documents": [{ "description": "d", "types": ["memo"] }] }\n  ]\n}',
      'c.json',
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(
      result.problems.some((p) => p.range?.start.line === 5 && /must be one of/.test(p.message)),
      JSON.stringify(result.problems),
    );
  });

  it('refuses duplicate ids, unknown parents and cycles', () => {
    const text = JSON.stringify(
      {
        id: 'x',
        title: 'X',
        clauses: [
          { id: '1', title: 'A', parent: '2' },
          { id: '2', title: 'B', parent: '1' },
          { id: '2', title: 'B again' },
          { id: '3', title: 'C', parent: '9' },
        ],
      },
      null,
      2,
    );
    const result = parseCatalog(text, 'c.json');
    assert.equal(result.ok, false);
    if (result.ok) return;
    const messages = result.problems.map((p) => p.message).join('\n');
    assert.match(messages, /`2` appears twice/);
    assert.match(messages, /parent `9`, which is not in the catalog/);
    assert.match(messages, /its own ancestor/);
  });

  it('loads a catalog of 5,000 clauses', () => {
    const clauses = [{ id: 'A', title: 'Root' }, ...Array.from({ length: 4999 }, (_, i) => ({ id: `A.${i + 1}`, title: `Control ${i + 1}`, parent: 'A' }))];
    const result = parseCatalog(JSON.stringify({ id: 'big', title: 'Big', clauses }), 'big.json');
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.catalog.leaves().length, 4999);
  });
});

describe('configuration', () => {
  const load = async (files: Record<string, string>, start = '/repo'): Promise<Awaited<ReturnType<typeof loadProject>>> => {
    const fs = new MemoryFileSystem(files);
    fs.write('/repo/.git/HEAD', 'x');
    return loadProject({ start, fs });
  };

  it('works without a config file, with the defaults and the built-in catalog', async () => {
    const result = await load({});
    assert.ok(result.ok);
    assert.equal(result.project.configFile, undefined);
    assert.equal(result.project.catalog.id, 'iso20000-1:2018');
    assert.equal(result.project.root, '/repo');
  });

  it('finds clausemark.json in a parent folder and makes its folder the root', async () => {
    const result = await load({ '/repo/clausemark.json': '{ "reviewWarningDays": 10 }', '/repo/sms/a.md': 'x' }, '/repo/sms');
    assert.ok(result.ok);
    assert.equal(result.project.root, '/repo');
    assert.equal(result.project.config.reviewWarningDays, 10);
  });

  it('reports a wrong value at its position in the config', async () => {
    const result = await load({ '/repo/clausemark.json': '{\n  "rules": {\n    "clause.unknown": "fatal"\n  }\n}\n' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problems[0]?.file, '/repo/clausemark.json');
    assert.equal(result.problems[0]?.range?.start.line, 3);
    assert.match(result.problems[0]?.message ?? '', /must be one of: "off", "info", "warning", "error"/);
  });

  it('reports an unknown setting at its key', async () => {
    const result = await load({ '/repo/clausemark.json': '{\n  "smsFolder": ["sms/**"]\n}\n' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems[0]?.message ?? '', /unknown property `smsFolder`/);
  });

  it('names the catalog file and the problem when a custom catalog is broken', async () => {
    const result = await load({ '/repo/clausemark.json': '{ "catalog": "./controls.json" }', '/repo/controls.json': '{ "id": "c", "clauses": [] }' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problems[0]?.file, '/repo/controls.json');
    assert.match(result.problems.map((p) => p.message).join('\n'), /title/);
  });

  it('applies editor settings, and lets clausemark.json win where both set a value', async () => {
    const fs = new MemoryFileSystem({ '/repo/clausemark.json': '{ "reviewWarningDays": 10 }' });
    fs.write('/repo/.git/HEAD', 'x');
    const result = await loadProject({ start: '/repo', fs, settings: { reviewWarningDays: 60, evidenceMaxAgeDays: 90 } });
    assert.ok(result.ok);
    assert.equal(result.project.config.reviewWarningDays, 10, 'the config file wins');
    assert.equal(result.project.config.evidenceMaxAgeDays, 90, 'the setting fills what the file leaves out');
    const withoutFile = await loadProject({
      start: '/repo/sub',
      fs: new MemoryFileSystem({ '/repo/.git/HEAD': 'x', '/repo/sub/a.md': 'x' }),
      settings: { smsFolders: ['policies/**'] },
    });
    assert.ok(withoutFile.ok);
    assert.deepEqual(withoutFile.project.config.smsFolders, ['policies/**']);
  });

  it('names an unknown built-in catalog', async () => {
    const result = await load({ '/repo/clausemark.json': '{ "catalog": "iso27001" }' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems[0]?.message ?? '', /unknown catalog `iso27001`/);
  });
});
