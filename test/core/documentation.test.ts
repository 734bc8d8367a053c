import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { findFrontmatter } from '../../src/core/document/frontmatterBlock.js';
import { RULES, ruleDocsUrl } from '../../src/core/rules/ruleDefinitions.js';
import { withRuleReference } from '../../src/core/rules/ruleReference.js';
import { EXAMPLE_ROOT, exampleFiles } from '../support/exampleCopy.js';

const readme = readFileSync('README.md', 'utf8');

describe('documentation', () => {
  it('the README has a section for every rule, at the anchor its docs link points to', () => {
    const anchors = new Set([...readme.matchAll(/^### `([a-z.-]+)`$/gm)].map((match) => match[1]));
    for (const rule of RULES) {
      assert.ok(anchors.has(rule.id), `README section for ${rule.id}`);
      assert.ok(readme.includes(`(#${ruleDocsUrl(rule.id).split('#')[1]})`), `README table links ${rule.id}`);
    }
  });

  it('the README rule reference is the one generated from the rule files (`npm run docs:rules` after editing a rule)', () => {
    assert.ok(withRuleReference(readme, RULES) === readme, 'README.md rule reference is stale: run `npm run docs:rules`');
  });

  it('every example document validates against schemas/sms-document.schema.json', () => {
    const schema = JSON.parse(readFileSync('schemas/sms-document.schema.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    // The example's own documents, not whatever an earlier command left beside them.
    const documents = exampleFiles()
      .filter((path) => path.startsWith('sms/') && path.endsWith('.md'))
      .map((path) => join(EXAMPLE_ROOT, path));
    let checked = 0;
    for (const file of documents) {
      const text = readFileSync(file, 'utf8');
      const block = findFrontmatter(text);
      if (!block) continue;
      const data = parse(text.slice(block.yamlStart, block.yamlEnd), { version: '1.2' }) as Record<string, unknown>;
      delete data.reviewers; // the example's one deliberate unknown field
      assert.equal(validate(data), true, `${file}: ${JSON.stringify(validate.errors)}`);
      checked++;
    }
    assert.ok(checked >= 30, `checked ${checked} documents`);
  });

  it('the schema refuses what the checker refuses', () => {
    const schema = JSON.parse(readFileSync('schemas/sms-document.schema.json', 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.equal(validate({ id: 'A', title: 'A', type: 'memo' }), false);
    assert.equal(validate({ id: 'A', title: 'A', type: 'policy', evidence: [{ url: 'javascript:alert(1)' }] }), false);
    assert.equal(validate({ id: 'A', title: 'A', type: 'policy', next_review: '31/12/2026' }), false);
  });

  it('the action runs the change check, writes the job summary and uploads SARIF; the pre-commit hook runs check', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; steps: { uses?: string; run?: string }[] } };
    assert.equal(action.runs.using, 'composite');
    const runs = action.runs.steps.map((step) => step.run ?? '').join('\n');
    assert.match(runs, /check "\$CHECK_PATH" "\$\{change\[@\]\}" "\$\{all\[@\]\}" --format sarif/);
    assert.match(runs, /change=\(--base "\$BASE"\)/);
    assert.match(runs, /--format github/);
    assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@')));
    assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('actions/setup-node@')));
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string; entry: string; language: string }[];
    assert.deepEqual(
      hooks.map((hook) => [hook.id, hook.entry, hook.language]),
      [['clausemark', 'scripts/pre-commit-hook.sh', 'script']],
    );
    // pre-commit runs the entry from its clone of this repository: it must be an executable script that checks.
    assert.ok((statSync('scripts/pre-commit-hook.sh').mode & 0o111) !== 0, 'the hook script is executable');
    assert.match(readFileSync('scripts/pre-commit-hook.sh', 'utf8'), /bin\/clausemark\.js" check "\$@"/);
    assert.match(readme, /uses: clausemark\/clausemark@main/);
  });
});
