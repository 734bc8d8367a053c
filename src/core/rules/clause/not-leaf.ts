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
  checkDocument({ document, catalogs, report }) {
    for (const claim of document.clauses) {
      // Unknown aliases and ids are `clause.unknown`'s (looked up without computing suggestions).
      const { alias, id, qualified } = catalogs.split(claim.clause);
      const catalog = catalogs.get(alias);
      const clause = catalog?.get(id);
      if (!catalog || !clause || clause.isLeaf) continue;
      // A qualified claim (`27001:A.5`) is answered with qualified leaves, as it would be written.
      const leaves = catalog.leavesUnder(clause.id).map((leaf) => (qualified && !claim.alias ? `${alias}:${leaf.id}` : leaf.id));
      report(claim.range, `${catalog.label(clause.id)} groups ${leaves.join(', ')}; claim the ones this document addresses.`, {
        data: { clause: clause.id, suggestions: leaves },
      });
    }
  },
});
