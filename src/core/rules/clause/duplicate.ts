import { defineRule } from '../rule.js';

export default defineRule({
  id: 'clause.duplicate',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'The same clause is listed twice in one document.',
  documentation: ['The clause is listed twice; keep one.'].join('\n'),
  checkDocument({ document, catalogs, report }) {
    const seen = new Map<string, (typeof document.clauses)[number]>();
    for (const claim of document.clauses) {
      // `8.6.1` and `20000:8.6.1` are one clause when 20000 is the primary catalog.
      const key = catalogs.key(claim.clause);
      const first = seen.get(key);
      if (first) {
        report(claim.range, `Clause ${claim.clause} is listed twice.`, {
          related: [{ file: document.path, range: first.range, message: `first ${claim.clause}` }],
          data: { clause: claim.clause },
        });
      } else {
        seen.set(key, claim);
      }
    }
  },
});
