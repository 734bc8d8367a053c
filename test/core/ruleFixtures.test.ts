import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES } from '../../src/core/rules/registry.js';
import { markedText } from '../support/markedText.js';
import { describeFinding, indexOf } from '../support/repository.js';

/**
 * Every rule's fixtures: test/fixtures/rules/<rule id>/not-ok/ is a small repository that breaks the rule, with
 * `«…»` marking each range where it must report and nowhere else (plus `expected.txt` for findings in files
 * that cannot carry markers, such as binary ones); ok/ is one that keeps it and must give no finding of it.
 */
const FIXTURES = 'test/fixtures/rules';

/** Rules whose cases need more than files in a folder, and where they are tested instead. */
const TESTED_ELSEWHERE: Readonly<Record<string, string>> = {
  'internal.rule-failed': 'test/core/ruleFailure.test.ts (a rule that throws is injected)',
  'diagram.invalid-mermaid': 'test/core/diagrams.test.ts (needs the mermaid worker)',
  'diagram.too-complex': 'test/core/diagramLimits.test.ts (needs a slow or crashing worker)',
  'change.version-not-bumped': 'test/change/changeRules.test.ts (needs git history)',
  'change.approval-not-renewed': 'test/change/changeRules.test.ts (needs git history)',
  'change.last-coverage-removed': 'test/change/changeRules.test.ts (needs git history)',
  'change.suspect-link': 'test/change/changeRules.test.ts (needs git history)',
};

function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else files[relative(folder, child).split('\\').join('/')] = readFileSync(child, 'utf8');
    }
  };
  walk(folder);
  return files;
}

/** Findings of one rule in an in-memory repository, as `file:range rule`. */
async function findingsOf(rule: string, files: Record<string, string>): Promise<string[]> {
  const { index } = await indexOf(files);
  return index
    .allFindings()
    .filter((finding) => finding.ruleId === rule)
    .map(describeFinding)
    .sort();
}

describe('rule fixtures', () => {
  it('every rule has fixtures, or says where it is tested; every fixture folder is a rule', () => {
    const ids = new Set<string>(RULES.map((rule) => rule.id));
    assert.deepEqual(
      RULES.map((rule) => rule.id).filter((id) => !existsSync(join(FIXTURES, id)) && TESTED_ELSEWHERE[id] === undefined),
      [],
    );
    assert.deepEqual(
      readdirSync(FIXTURES).filter((name) => !ids.has(name)),
      [],
    );
    assert.deepEqual(
      Object.keys(TESTED_ELSEWHERE).filter((id) => !ids.has(id) || existsSync(join(FIXTURES, id))),
      [],
    );
  });

  for (const rule of RULES) {
    const folder = join(FIXTURES, rule.id);
    if (!existsSync(folder)) continue;
    describe(rule.id, () => {
      it('reports each marked range of not-ok/, and nothing else', async () => {
        const files: Record<string, string> = {};
        const expectedFile = join(folder, 'expected.txt');
        const expected = existsSync(expectedFile)
          ? readFileSync(expectedFile, 'utf8')
              .split('\n')
              .filter((line) => line !== '')
          : [];
        for (const [path, source] of Object.entries(filesUnder(join(folder, 'not-ok')))) {
          const { text, ranges } = markedText(source);
          files[path] = text;
          for (const range of ranges) expected.push(`${path}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column} ${rule.id}`);
        }
        assert.ok(expected.length > 0, 'the fixture marks at least one expected finding');
        assert.deepEqual(await findingsOf(rule.id, files), expected.sort());
      });

      it('stays quiet on ok/', async () => {
        assert.deepEqual(await findingsOf(rule.id, filesUnder(join(folder, 'ok'))), []);
      });
    });
  }
});
