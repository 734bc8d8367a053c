import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../../src/core/catalog/loadCatalog.js';
import { clausemarkInProcess } from '../support/cli.js';
import { clausemark, tempRepository } from '../support/cliRunner.js';

const CSV =
  'id,title,parent,description\nCC1,Control environment,,\nCC1.1,"Integrity, and ethics",CC1,"Shows commitment to integrity;\nin two lines"\nCC1.2,Oversight,CC1,\n';

describe('clausemark catalog import', () => {
  const folders: string[] = [];
  const repository = (files: Record<string, string | Uint8Array>): string => {
    const folder = tempRepository(files, 'clausemark-import-');
    folders.push(folder);
    return folder;
  };
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('turns a CSV control list into a catalog that loads, to standard output', () => {
    const cwd = repository({ 'tsc.csv': CSV });
    const run = clausemark(['catalog', 'import', 'tsc.csv', '--title', 'Trust services criteria'], cwd);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      id: 'tsc',
      title: 'Trust services criteria',
      clauses: [
        { id: 'CC1', title: 'Control environment' },
        { id: 'CC1.1', title: 'Integrity, and ethics', parent: 'CC1', summary: 'Shows commitment to integrity;\nin two lines' },
        { id: 'CC1.2', title: 'Oversight', parent: 'CC1' },
      ],
    });
    const loaded = parseCatalog(run.stdout, 'tsc.json');
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.catalog.leavesUnder('CC1').map((clause) => clause.id),
      ['CC1.1', 'CC1.2'],
    );
  });

  it('reads YAML, with the catalog id and title from the file, numbers as written', async () => {
    const cwd = repository({
      'controls.yaml': 'id: acme:2026\ntitle: Acme controls\nclauses:\n  - id: A\n    title: Access\n  - id: 1.10\n    title: Tenth\n    parent: A\n',
    });
    const run = await clausemarkInProcess(['catalog', 'import', 'controls.yaml'], cwd);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      id: 'acme:2026',
      title: 'Acme controls',
      clauses: [
        { id: 'A', title: 'Access' },
        { id: '1.10', title: 'Tenth', parent: 'A' },
      ],
    });
    const list = repository({ 'list.yml': '- id: A\n  title: Access\n' });
    assert.deepEqual(JSON.parse((await clausemarkInProcess(['catalog', 'import', 'list.yml', '--id', 'mine'], list)).stdout), {
      id: 'mine',
      title: 'list',
      clauses: [{ id: 'A', title: 'Access' }],
    });
  });

  it('reports every bad row as file:line and writes nothing', async () => {
    const cwd = repository({ 'bad.csv': 'id,title,parent\nA,Alpha,\nB,,A\nA,Again,\nC,Gamma,Z\nX,Ex,Y\nY,Why,X\n"D,Delta\n' });
    let run = await clausemarkInProcess(['catalog', 'import', 'bad.csv', '--output', 'bad.catalog.json'], cwd);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      'bad.csv:8: a quoted cell is never closed (a `"` is missing)\nclausemark: bad.csv was not imported (1 problem); nothing was written\n',
    );
    writeFileSync(join(cwd, 'bad.csv'), 'id,title,parent\nA,Alpha,\nB,,A\nA,Again,\nC,Gamma,Z\nX,Ex,Y\nY,Why,X\nbad id,Spaces,\n');
    run = await clausemarkInProcess(['catalog', 'import', 'bad.csv', '--output', 'bad.catalog.json'], cwd);
    assert.equal(run.status, 2);
    assert.deepEqual(run.stderr.trim().split('\n'), [
      'bad.csv:3: `B` has no title',
      'bad.csv:4: `A` is already the id of the clause on line 2',
      'bad.csv:5: the parent of `C`, `Z`, is not in the file',
      'bad.csv:6: the parents go round in a circle: X → Y → X',
      'bad.csv:8: `bad id` is not a clause id: letters, digits, `.`, `_` and `-`, up to 40, starting with a letter or digit',
      'clausemark: bad.csv was not imported (5 problems); nothing was written',
    ]);
    assert.equal(run.stdout, '');
    assert.throws(() => readFileSync(join(cwd, 'bad.catalog.json')), /ENOENT/);
    const yaml = repository({ 'bad.yaml': '- id: A\n  title: Alpha\n  owner: someone\n- just text\n- id: B\n  title: [1, 2]\n' });
    run = await clausemarkInProcess(['catalog', 'import', 'bad.yaml'], yaml);
    assert.deepEqual(run.stderr.trim().split('\n').slice(0, 3), [
      'bad.yaml:3: `owner` is not read; a clause has `id`, `title`, `parent`, `description`',
      'bad.yaml:4: each clause is a mapping with `id:`, `title:` and, below the top, `parent:`',
      'bad.yaml:6: `title` must be text',
    ]);
  });

  it('names a missing column, an empty file, a binary file and a missing file', async () => {
    const cwd = repository({
      'cols.csv': 'code,name\nA,Alpha\n',
      'empty.csv': '',
      'blob.csv': new Uint8Array([0x69, 0x64, 0, 1, 2]),
      'notes.txt': 'id,title\n',
    });
    const stderr = async (file: string, ...more: string[]): Promise<string> =>
      (await clausemarkInProcess(['catalog', 'import', file, ...more], cwd)).stderr.split('\n')[0] ?? '';
    assert.equal(await stderr('cols.csv'), 'cols.csv:1: the first line names the columns; `id` and `title` are missing (found `code`, `name`)');
    assert.equal(await stderr('empty.csv'), 'empty.csv:1: the file is empty; its first line names the columns: id, title, parent (and description)');
    assert.equal(await stderr('blob.csv'), 'clausemark: blob.csv: it looks like a binary file');
    assert.equal(await stderr('nothere.csv'), 'clausemark: nothere.csv: there is no file nothere.csv');
    assert.match(await stderr('notes.txt'), /cannot tell how notes.txt is written from its extension; give --format csv or --format yaml/);
    assert.equal((await clausemarkInProcess(['catalog', 'import', 'notes.txt', '--format', 'csv'], cwd)).status, 2, 'a header with no row is no catalog');
  });

  it('never replaces an existing output file without --force', async () => {
    const cwd = repository({ 'tsc.csv': CSV, 'tsc.catalog.json': 'mine\n' });
    const run = await clausemarkInProcess(['catalog', 'import', 'tsc.csv', '--output', 'tsc.catalog.json'], cwd);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /tsc\.catalog\.json already exists; it was left as it is \(use --force to replace it\)/);
    assert.equal(readFileSync(join(cwd, 'tsc.catalog.json'), 'utf8'), 'mine\n');
    const forced = await clausemarkInProcess(['catalog', 'import', 'tsc.csv', '--output', 'tsc.catalog.json', '--force'], cwd);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(forced.stderr, 'Wrote tsc.catalog.json: 3 clauses of tsc (id tsc)\n');
    assert.equal((JSON.parse(readFileSync(join(cwd, 'tsc.catalog.json'), 'utf8')) as { clauses: unknown[] }).clauses.length, 3);
  });

  it('is documented by `clausemark help catalog` and in the command list', async () => {
    const help = await clausemarkInProcess(['help', 'catalog']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: clausemark catalog import FILE/);
    assert.match(help.stdout, /--force/);
    assert.match((await clausemarkInProcess(['--help'])).stdout, /catalog import FILE/);
    assert.equal((await clausemarkInProcess(['catalog', 'export', 'x.csv'])).status, 2);
  });
});
