import { listSome } from '../../text/listSome.js';
import { defineRule } from '../rule.js';
import { claimsOf } from './claimsOf.js';

export default defineRule({
  id: 'coverage.missing-document-type',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'A clause is addressed, but not by an approved document of the type it calls for (a policy, a plan, an agreement…; state `partial`).',
  documentation: ['The clause is addressed by approved documents, but none of the type it calls for (5.2.1 needs a `policy`): its', 'state is `partial`.'].join(
    '\n',
  ),
  checkClause({ clause, catalog, anchor, report }) {
    const approved = clause.documents.filter((document) => document.status === 'approved');
    if (clause.status !== 'partial' || approved.length === 0) return;
    for (const requirement of clause.missingDocuments) {
      report(
        anchor,
        `${catalog.label(clause.clause)}: needs an approved ${requirement.types.join(' or ')} (${requirement.description}); it is addressed only by ${listSome(approved.map((d) => `${d.id} (${d.type ?? 'no type'})`))}.`,
        {
          related: claimsOf(clause),
          data: { clause: clause.clause },
        },
      );
    }
  },
});
