import { defineRule } from '../rule.js';

export default defineRule({
  id: 'evidence.clause-not-claimed',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'Evidence names a clause that the document does not claim.',
  documentation: [
    'The evidence is for a clause the document does not list under `clauses`; claim the clause or fix the number. A',
    'clause no catalog of the project has is [`clause.unknown`](#clauseunknown) instead.',
  ].join('\n'),
  checkDocument({ document, catalogs, report }) {
    // `8.6.1` and `20000:8.6.1` name the same clause when 20000 is the primary catalog.
    const claimed = new Set(document.clauses.map((claim) => catalogs.key(claim.clause)));
    for (const link of document.evidence) {
      if (!link.clause || claimed.has(catalogs.key(link.clause.value))) continue;
      // An unknown alias or id is `clause.unknown`'s (looked up without computing suggestions).
      const { alias, id } = catalogs.split(link.clause.value);
      if (catalogs.get(alias)?.get(id) === undefined) continue;
      report(link.clause.range, `This evidence is for clause ${link.clause.value}, which the document does not list under \`clauses:\`.`, {
        data: { clause: link.clause.value },
      });
    }
  },
});
