import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex.js';
import { loadProject } from '../../src/core/config/loadProject.js';
import { RULES } from '../../src/core/rules/registry.js';
import { defineRule, type Rule } from '../../src/core/rules/rule.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, TODAY } from '../support/repository.js';

/** A rule that throws in the hook given, standing in for any bug in a check. */
function throwingIn(hook: 'checkDocument' | 'checkAcrossDocuments' | 'checkClause' | 'checkRepository'): Rule {
  return defineRule({
    id: 'test.throws',
    defaultSeverity: 'error',
    scope: 'document',
    description: 'Throws.',
    documentation: 'Throws.',
    [hook]: () => {
      throw new Error('boom');
    },
  });
}

async function indexWith(rules: readonly Rule[], files: Record<string, string>): Promise<WorkspaceIndex> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`/repo/${path}`, text])));
  fs.write('/repo/.git/HEAD', 'ref: refs/heads/main\n');
  const loaded = await loadProject({ start: '/repo', fs });
  assert.ok(loaded.ok);
  const index = new WorkspaceIndex({ project: loaded.project, fs, now: () => TODAY, rules });
  await index.scan();
  return index;
}

const FILES = {
  'clausemark.json': '{ "catalog": "iso20000-1:2018" }',
  'sms/bad.md': documentText({
    id: 'PRC-BAD',
    clauses: '\n  - 8.6.4',
    next_review: '2026-01-01',
    related: '\n  - PRC-NONE',
    evidence: '\n  - path: missing.csv\n    date: 2026-10-01',
  }),
};

describe('internal.rule-failed', () => {
  for (const hook of ['checkDocument', 'checkAcrossDocuments'] as const) {
    it(`a rule that throws in ${hook} yields one internal.rule-failed naming it; every other rule still reports`, async () => {
      const index = await indexWith([throwingIn(hook), ...RULES], FILES);
      const findings = index.findingsFor('sms/bad.md');
      const failed = findings.filter((f) => f.ruleId === 'internal.rule-failed');
      assert.deepEqual(
        failed.map((f) => f.message),
        ['The check for `test.throws` failed on this document (boom); the other checks still ran.'],
      );
      const ids = findings.map((f) => f.ruleId);
      for (const id of ['clause.unknown', 'control.review-overdue', 'trace.unknown-related', 'evidence.missing-file'] as const)
        assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    });
  }

  for (const hook of ['checkClause', 'checkRepository'] as const) {
    it(`a rule that throws in ${hook} is reported on the config file; coverage findings are still reported`, async () => {
      const index = await indexWith([throwingIn(hook), ...RULES], FILES);
      const findings = index.findingsFor('clausemark.json');
      assert.ok(findings.some((f) => f.ruleId === 'internal.rule-failed' && /`test.throws` failed on .*\(boom\)/.test(f.message)));
      assert.ok(findings.some((f) => f.ruleId === 'coverage.uncovered-clause'));
    });
  }

  it('a rule that throws while wording a problem met reading a file yields internal.rule-failed there; the other problems are still reported', async () => {
    const brokenWording = RULES.map((rule) =>
      rule.id === 'frontmatter.unknown-field'
        ? {
            ...rule,
            checkReadProblem: () => {
              throw new Error('wording bug');
            },
          }
        : rule,
    );
    const index = await indexWith(brokenWording, { ...FILES, 'sms/typo.md': '---\nid: PRC-T\ntitle: T\ntype: process\nownr: me\nstatus: drafft\n---\n' });
    const findings = index.findingsFor('sms/typo.md');
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'internal.rule-failed').map((f) => `${f.range?.start.line} ${f.message}`),
      ['1 The check for `frontmatter.unknown-field` failed on this file (wording bug); the other checks still ran.'],
    );
    assert.ok(findings.some((f) => f.ruleId === 'frontmatter.invalid-field' && f.message.includes('`drafft`')));
  });

  it('a failing trace rule does not skip the evidence rules of the same document (each rule has its own guard)', async () => {
    const brokenTrace = RULES.map((rule) =>
      rule.id === 'trace.unknown-related'
        ? {
            ...rule,
            checkAcrossDocuments: () => {
              throw new Error('trace bug');
            },
          }
        : rule,
    );
    const index = await indexWith(brokenTrace, FILES);
    const findings = index.findingsFor('sms/bad.md');
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'internal.rule-failed').map((f) => f.message),
      ['The check for `trace.unknown-related` failed on this document (trace bug); the other checks still ran.'],
    );
    assert.ok(
      findings.some((f) => f.ruleId === 'evidence.missing-file'),
      'evidence.missing-file still reported',
    );
    assert.ok(!findings.some((f) => f.ruleId === 'trace.unknown-related'));
  });

  it('runs only the rules it is given: an index without a rule reports nothing of it', async () => {
    const index = await indexWith(
      RULES.filter((rule) => rule.id !== 'clause.unknown'),
      FILES,
    );
    const ids = index.allFindings().map((f) => f.ruleId);
    assert.ok(!ids.includes('clause.unknown'));
    assert.ok(ids.includes('control.review-overdue'));
  });
});
