import { defineRule } from '../rule.js';

export default defineRule({
  id: 'clause.not-leaf',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A parent clause is claimed where the leaf clauses it groups are expected.',
  documentation: [
    'A parent clause (`8.7`) groups leaves (`8.7.1`, `8.7.2`, …). Claim the leaves the document really addresses:',
    'coverage is judged per leaf, and a parent claim counts for none.',
  ].join('\n'),
  checkDocument({ document, catalog, report }) {
    for (const claim of document.clauses) {
      const clause = catalog.get(claim.clause);
      if (!clause || clause.isLeaf) continue;
      const leaves = catalog.leavesUnder(clause.id).map((leaf) => leaf.id);
      report(claim.range, `${catalog.label(clause.id)} groups ${leaves.join(', ')}; claim the ones this document addresses.`, {
        data: { clause: clause.id, suggestions: leaves },
      });
    }
  },
});
