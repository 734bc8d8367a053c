import { defineRule } from '../rule.js';
import { claimsOf } from './claimsOf.js';

export default defineRule({
  id: 'coverage.missing-records',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'A clause calls for records, but no evidence at all is linked to it (state `partial`).',
  documentation: [
    'The clause calls for records (8.6.1: incident records), but no evidence at all is linked to it: its state is',
    '`partial`. Evidence that is linked but stale or missing is a defect instead (`coverage.at-risk-clause`).',
  ].join('\n'),
  checkClause({ clause, catalog, anchor, report }) {
    if (clause.status !== 'partial' || !clause.documents.some((document) => document.status === 'approved')) return;
    if (!clause.recordsRequired || clause.evidence.length > 0) return;
    report(
      anchor,
      `${catalog.label(clause.clause)}: this clause calls for records (${catalog
        .requiredRecords(clause.clause)
        .map((r) => r.description)
        .join('; ')}), but no evidence is linked to it.`,
      {
        related: claimsOf(clause),
        data: { clause: clause.clause },
      },
    );
  },
});
