import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';

const catalogSchema = JSON.parse(readFileSync('schemas/clause-catalog.schema.json', 'utf8')) as object;
// The shared reference sits beside the repository in development and in CI.
const referenceDir = '../shared/reference';

interface ReferenceClause {
  id: string;
  title: string | null;
  parent?: string;
  kind?: string;
  untitled?: boolean;
  documentedInformation?: string[];
}
interface CatalogClause {
  id: string;
  title?: string;
  untitled?: boolean;
  parent?: string;
  kind?: string;
  documents?: { description: string }[];
  records?: { description: string }[];
}

/** The reference facts, or a skip outside CI when the shared folder is not beside the checkout. */
function reference(context: Mocha.Context, file: string): ReferenceClause[] {
  const path = `${referenceDir}/${file}`;
  if (!existsSync(path)) {
    if (process.env.CI) assert.fail(`${path} is missing in CI`);
    context.skip();
  }
  return (JSON.parse(readFileSync(path, 'utf8')) as { clauses: ReferenceClause[] }).clauses;
}

for (const { id, file, entries, leaves } of [
  { id: 'iso27001:2022', file: 'iso27001-2022.json', entries: 139, leaves: 123 },
  { id: 'iso9001:2015', file: 'iso9001-2015.json', entries: 91, leaves: 65 },
]) {
  describe(`the built-in ${id} catalog`, () => {
    const json = JSON.parse(readFileSync(`schemas/${file}`, 'utf8')) as { id: string; clauses: CatalogClause[] };
    const catalog = builtinCatalog(id);

    it('validates against the catalog schema and is loaded under its id', () => {
      const validate = new Ajv({ allErrors: true, strict: false }).compile(catalogSchema);
      assert.equal(validate(json), true, JSON.stringify(validate.errors));
      assert.equal(json.id, id);
      assert.equal(catalog?.all().length, entries);
      assert.equal(catalog?.leaves().length, leaves);
    });

    it('allows no exclusion of clauses 4 to 10', () => {
      assert.equal(catalog?.exclusionsAllowed, false);
    });

    it('matches the reference entry for entry: ids, titles (none where the standard has none), parents, kinds', function () {
      const facts = reference(this, file);
      assert.deepEqual(
        json.clauses.map((c) => [c.id, c.title ?? null, c.untitled === true, c.parent, c.kind]),
        facts.map((c) => [c.id, c.title, c.untitled === true, c.parent, c.kind]),
      );
    });

    it('takes every description of documented information from the reference, none invented', function () {
      const facts = new Map(reference(this, file).map((c) => [c.id, c.documentedInformation ?? []]));
      for (const clause of json.clauses) {
        for (const item of [...(clause.documents ?? []), ...(clause.records ?? [])]) {
          assert.ok(facts.get(clause.id)?.includes(item.description), `${clause.id}: ${item.description}`);
        }
      }
    });
  });
}

describe('ISO/IEC 27001:2022 specifics', () => {
  const catalog = builtinCatalog('iso27001:2022')!;

  it('has the 93 Annex A controls in their four themes (37, 8, 14, 34)', () => {
    const controls = catalog.all().filter((c) => c.kind === 'control');
    assert.equal(controls.length, 93);
    assert.deepEqual(
      ['A.5', 'A.6', 'A.7', 'A.8'].map((theme) => catalog.get(theme)?.children.length),
      [37, 8, 14, 34],
    );
    assert.equal(catalog.get('A.5')?.kind, 'theme');
    assert.equal(catalog.get('A.5.24')?.parent, 'A.5');
  });

  it('numbers improvement as the 2022 edition does: 10.1 continual improvement, 10.2 nonconformity', () => {
    assert.equal(catalog.get('10.1')?.title, 'Continual improvement');
    assert.equal(catalog.get('10.2')?.title, 'Nonconformity and corrective action');
    assert.ok(catalog.requiredRecords('10.2').length > 0);
    assert.equal(catalog.requiredRecords('10.1').length, 0);
  });

  it('asks for the Statement of Applicability at 6.1.3', () => {
    assert.ok(catalog.requiredDocuments('6.1.3').some((d) => /Statement of Applicability/.test(d.description)));
  });
});

describe('ISO 9001:2015 untitled paragraphs', () => {
  const catalog = builtinCatalog('iso9001:2015')!;

  it('gives 6.1.1 no title and labels it by number alone', () => {
    assert.equal(catalog.get('6.1.1')?.title, '');
    assert.equal(catalog.get('6.1.1')?.untitled, true);
    assert.equal(catalog.label('6.1.1'), '6.1.1');
    assert.equal(catalog.label('6.1'), '6.1 Actions to address risks and opportunities');
  });

  it('has exactly the 16 untitled paragraphs', () => {
    assert.deepEqual(
      catalog
        .all()
        .filter((c) => c.untitled)
        .map((c) => c.id),
      [
        '4.4.1',
        '4.4.2',
        '6.1.1',
        '6.1.2',
        '6.2.1',
        '6.2.2',
        '7.5.3.1',
        '7.5.3.2',
        '8.2.3.1',
        '8.2.3.2',
        '8.7.1',
        '8.7.2',
        '9.2.1',
        '9.2.2',
        '10.2.1',
        '10.2.2',
      ],
    );
  });
});
