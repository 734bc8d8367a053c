import { defineRule } from '../rule.js';

export default defineRule({
  id: 'clause.duplicate',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'The same clause is listed twice in one document.',
  documentation: [
    'The clause is listed twice; keep one.',
  ].join('\n'),
  checkDocument({ document, report }) {
    const seen = new Map<string, (typeof document.clauses)[number]>();
    for (const claim of document.clauses) {
      const first = seen.get(claim.clause);
      if (first) {
        report(claim.range, `Clause ${claim.clause} is listed twice.`, {
          related: [{ file: document.path, range: first.range, message: `first ${claim.clause}` }],
          data: { clause: claim.clause },
        });
      } else {
        seen.set(claim.clause, claim);
      }
    }
  },
});
