import { anchorRange, defineRule } from '../rule.js';

export default defineRule({
  id: 'trace.no-clauses',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A document claims no clause, so nothing traces to it.',
  documentation: ['A document that claims no clause does not trace to any requirement.'].join('\n'),
  checkDocument({ document, report }) {
    if (document.clauses.length === 0 && document.status?.value !== 'retired') {
      report(
        document.fields.get('clauses')?.keyRange ?? anchorRange(document),
        'The document claims no clause, so no requirement traces to it; list the clauses it addresses under `clauses:`.',
      );
    }
  },
});
