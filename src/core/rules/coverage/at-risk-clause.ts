import { defineRule } from '../rule.js';

export default defineRule({
  id: 'coverage.at-risk-clause',
  defaultSeverity: 'warning',
  scope: 'repository',
  description:
    'A clause has everything it needs, but some of it has a defect: an approval that is incomplete or not yet in force, an overdue review, or evidence that is missing, stale or invalid (state `at-risk`).',
  documentation: [
    'The clause has everything it calls for as written, but some of it cannot be relied on: an approved document',
    'whose approval is incomplete or dated in the future, or whose review is overdue, or evidence that is missing,',
    'stale, invalid or outside the repository. Its state is `at-risk`; the message lists every defect, and the',
    'documents and evidence entries involved are related places.',
  ].join('\n'),
  checkClause({ clause, catalog, anchor, report }) {
    if (clause.status !== 'at-risk') return;
    const defects = clause.reasons.filter((reason) => reason.kind === 'defect');
    const places = defects.flatMap((reason) =>
      reason.documentPath !== undefined ? [{ file: reason.documentPath, ...(reason.range ? { range: reason.range } : {}), message: reason.text }] : [],
    );
    report(anchor, `${catalog.label(clause.clause)}: addressed, but not reliably: ${defects.map((reason) => reason.text).join('; ')}.`, {
      related: places,
      data: { clause: clause.clause },
    });
  },
});
