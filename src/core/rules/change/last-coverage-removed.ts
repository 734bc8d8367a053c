import { defineRule } from '../rule.js';

// Reported by the change check against the base revision (src/core/change), which needs two revisions.
export default defineRule({
  id: 'change.last-coverage-removed',
  defaultSeverity: 'error',
  scope: 'change',
  description: 'A clause lost the only documents that addressed it: they were retired, deleted or stopped claiming it.',
  documentation: [
    'Only with `--base`. Some document addressed the clause on the base; on the head none does, because the',
    "documents were retired, deleted, or stopped claiming it. Reported on the retired document's `status`, on the",
    '`clauses` key of the document that dropped the claim, or (for a deleted document) on `clausemark.json`.',
    'Move the claim to the document that takes over the clause.',
  ].join('\n'),
});
