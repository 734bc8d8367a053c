import { defineRule } from '../rule.js';

export default defineRule({
  id: 'coverage.uncovered-clause',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'No document addresses a leaf clause (state `uncovered`).',
  documentation: ['No document addresses the leaf clause: its state is `uncovered` (reported on `clausemark.json`).'].join('\n'),
  checkClause({ clause, catalog, anchor, report }) {
    if (clause.status !== 'uncovered') return;
    report(anchor, `${catalog.label(clause.clause)}: no document addresses this clause.`, { data: { clause: clause.clause } });
  },
});
