import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/catalog/loadCatalog.js';
import { ClauseCatalog } from '../../src/core/catalog/clauseCatalog.js';
import { DEFAULT_CONFIG } from '../../src/core/config/clausemarkConfig.js';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, TODAY } from '../support/repository.js';

/** A catalog that fails on one clause id, standing in for any bug in a check. */
class FaultyCatalog extends ClauseCatalog {
  override get(id: string): ReturnType<ClauseCatalog['get']> {
    if (id === '9.9.9') throw new Error('boom');
    return super.get(id);
  }
}

describe('internal.rule-failed', () => {
  it('turns a failing check into a finding on that document, and still reports everything else', async () => {
    const builtin = builtinCatalog('iso20000-1:2018');
    assert.ok(builtin);
    const catalog = new FaultyCatalog({ id: builtin.id, title: builtin.title, clauses: builtin.all().map(({ children: _c, isLeaf: _l, order: _o, ...entry }) => entry) }, 'test');
    const fs = new MemoryFileSystem({
      '/repo/sms/bad.md': documentText({ id: 'PRC-BAD', clauses: '\n  - 9.9.9', next_review: '2026-01-01' }),
      '/repo/sms/good.md': documentText({ id: 'PRC-GOOD', clauses: '\n  - 8.6.4' }),
    });
    const project = { root: '/repo', configFile: undefined, config: DEFAULT_CONFIG, catalog, locateSetting: () => undefined, findings: [] };
    const index = new WorkspaceIndex({ project, fs, now: () => TODAY });
    await index.scan();
    const bad = index.findingsFor('sms/bad.md').map((f) => f.ruleId);
    assert.ok(bad.includes('internal.rule-failed'), bad.join(', '));
    assert.ok(bad.includes('control.review-overdue'), 'the other checks of the failing document still ran');
    assert.ok(index.findingsFor('sms/good.md').some((f) => f.ruleId === 'clause.unknown'), 'other documents are checked as usual');
    assert.match(index.findingsFor('sms/bad.md').find((f) => f.ruleId === 'internal.rule-failed')?.message ?? '', /boom/);
  });
});
