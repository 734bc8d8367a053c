import { defineRule } from '../rule.js';

// Reported by the change check against the base revision (src/core/change), which needs two revisions.
export default defineRule({
  id: 'change.approval-not-renewed',
  defaultSeverity: 'warning',
  scope: 'change',
  description: 'An approved document was edited and is still approved, with the old `approved_by` and `approved_on`.',
  documentation: [
    'Only with `--base`. The document was `approved` on the base and is still `approved`, its text or clauses',
    'changed, and `approved_on` is the date of the earlier approval: the edit went in without being approved.',
    'Record the new approval (`approved_by`, `approved_on`), or set `status` back to `review` until it is approved.',
  ].join('\n'),
});
