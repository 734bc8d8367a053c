import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { clausemarkInProcess } from '../support/cli.js';
import { indexOf } from '../support/repository.js';

// A repository written for another docs-as-code tool: headers without an opening `---`, `name`, `acronym` and
// `satisfies` instead of Clausemark's fields (a list, or keyed by the catalog: `satisfies: {TSC: [...]}`, read
// through `"catalogs": {"TSC": …}`), and a control list kept as CSV. Its only Clausemark file is
// clausemark.json (and the catalog imported from the CSV).
const REPOSITORY = resolve('test/fixtures/soc2-policies');

/** Every file under the folder with a hash of its content, so any change, addition or removal shows. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return files;
}

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly range?: { start: { line: number; column: number }; end: { line: number; column: number } };
  readonly related?: readonly JsonFinding[];
}

const at = (finding: JsonFinding): string =>
  `${finding.file}:${finding.range?.start.line}:${finding.range?.start.column}-${finding.range?.end.line}:${finding.range?.end.column} ${finding.ruleId}`;

describe('adopting an existing repository as it is', () => {
  const before = snapshot(REPOSITORY);
  after(() => assert.deepEqual(snapshot(REPOSITORY), before, 'no file of the repository was changed, added or removed'));

  it('checks the documents through `fields` and `frontmatter`, with the right coverage', async () => {
    const run = await clausemarkInProcess(['check', '--no-cache', '--format', 'json', '--today', '2026-11-21'], REPOSITORY);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      catalog: { id: string };
      summary: unknown;
      coverage: { clause: string; status: string; documents: { id: string; title: string }[] }[];
      findings: JsonFinding[];
    };
    assert.equal(report.catalog.id, 'tsc:example');
    assert.deepEqual(
      report.coverage.map((clause) =>
        `${clause.clause} ${clause.status} ${clause.documents.map((document) => `${document.id} "${document.title}"`).join(', ')}`.trim(),
      ),
      [
        'CC1.1 partial CEN "Control Environment Narrative"',
        'CC1.2 partial CEN "Control Environment Narrative"',
        'CC6.1 partial ACP "Access Control Policy", ENC "Encryption Policy"',
        'CC6.2 partial ACP "Access Control Policy"',
        'CC7.1 uncovered',
        'CC7.2 partial IRP "Incident Response Policy"',
        'CC7.3 partial IRP "Incident Response Policy"',
      ],
    );
    // Claims are located in the header as written: line 3 of a file whose header has no opening fence.
    const claim = report.findings.find(
      (finding) => finding.ruleId === 'coverage.partial-clause' && finding.related?.[0]?.file === 'narratives/control-environment.md',
    );
    const where = claim?.related?.[0]?.range;
    assert.equal(
      `${where?.start.line}:${where?.start.column}-${where?.end.line}:${where?.end.column}`,
      '3:13-3:18',
      '`CC1.1` in `satisfies: [CC1.1, CC1.2]` on line 3',
    );
    // The mapping form, `satisfies:` then `TSC:` then `- CC6.1`, counts under the catalog aliased TSC, located at the id.
    const keyed = report.findings.find(
      (finding) => finding.ruleId === 'coverage.partial-clause' && finding.related?.some((place) => place.file === 'policies/encryption.md'),
    );
    const keyedAt = keyed?.related?.find((place) => place.file === 'policies/encryption.md')?.range;
    assert.equal(`${keyedAt?.start.line}:${keyedAt?.start.column}-${keyedAt?.end.line}:${keyedAt?.end.column}`, '5:7-5:12', '`CC6.1` under `TSC:` on line 5');
    // Nothing is read wrongly (no unknown field, no invalid YAML, no missing header, the README left alone): what
    // remains is what the documents lack for document control, at the key Clausemark anchors a document on.
    const lacking = (file: string, line1: number, anchor: string): string[] => [
      `${file}:1:1-1:${line1} frontmatter.missing-field type`,
      ...['owner', 'status', 'version'].map((field) => `${file}:${anchor} control.missing-field ${field}`),
    ];
    assert.deepEqual(
      report.findings
        .filter((finding) => finding.file !== 'clausemark.json')
        .map((finding) => `${at(finding)} ${(finding as { data?: { field?: string } }).data?.field ?? ''}`.trim()),
      [
        ...lacking('narratives/control-environment.md', 36, '2:1-2:8'),
        ...lacking('policies/access.md', 28, '2:1-2:8'),
        ...lacking('policies/encryption.md', 24, '2:1-2:8'),
        ...lacking('policies/incident.md', 31, '2:1-2:8'),
        ...lacking('procedures/offboarding.md', 16, '1:1-1:3').sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)),
        'procedures/offboarding.md:1:1-1:3 trace.no-clauses',
      ],
    );
  });

  it('needs its two settings: without them no file of it is read as a document', async () => {
    const files = Object.fromEntries(Object.keys(before).map((path) => [path, readFileSync(join(REPOSITORY, path), 'utf8')]));
    const config = JSON.parse(files['clausemark.json']!) as Record<string, unknown>;
    delete config.fields;
    delete config.frontmatter;
    const { index } = await indexOf({ ...files, 'clausemark.json': JSON.stringify(config) });
    assert.deepEqual(
      index
        .allFindings()
        .filter((finding) => finding.file !== 'clausemark.json')
        .map((finding) => `${finding.file} ${finding.ruleId}`),
      [
        'narratives/control-environment.md frontmatter.missing',
        'policies/access.md frontmatter.missing',
        'policies/encryption.md frontmatter.missing',
        'policies/incident.md frontmatter.missing',
        'procedures/offboarding.md frontmatter.missing',
      ],
    );
    assert.ok(index.coverage().clauses.every((clause) => clause.status === 'uncovered'));
  });

  it('has its catalog imported from its CSV, byte for byte', async () => {
    const run = await clausemarkInProcess(
      ['catalog', 'import', 'tsc.csv', '--id', 'tsc:example', '--title', 'Trust services criteria (example subset)'],
      REPOSITORY,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, readFileSync(join(REPOSITORY, 'tsc.catalog.json'), 'utf8'));
  });
});
