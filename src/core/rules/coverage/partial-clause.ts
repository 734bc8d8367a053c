import { defineRule } from '../rule.js';
import { claimsOf } from './claimsOf.js';

export default defineRule({
  id: 'coverage.partial-clause',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'A leaf clause is addressed only by documents that are not approved (drafts, documents in review; state `partial`).',
  documentation: [
    'The leaf clause is claimed only by documents that are not approved (drafts, documents in review): its state is',
    '`partial`. The documents that claim it are listed as related places.',
  ].join('\n'),
  checkClause({ clause, catalog, anchor, report }) {
    if (clause.status !== 'partial' || clause.documents.some((document) => document.status === 'approved')) return;
    report(
      anchor,
      `${catalog.label(clause.clause)}: no approved document addresses this clause; it is claimed only by ${clause.documents.map((d) => `${d.id} (${d.control.label})`).join(', ')}.`,
      {
        related: claimsOf(clause),
        data: { clause: clause.clause },
      },
    );
  },
});
