import { defineRule } from '../rule.js';

// Reported by the change check against the base revision (src/core/change), which needs two revisions.
export default defineRule({
  id: 'change.version-not-bumped',
  defaultSeverity: 'warning',
  scope: 'change',
  description: "A document's body or clauses changed, but its `version` did not.",
  documentation: [
    'Only with `clausemark check --base` (or `diff`). The Markdown after the frontmatter, or the set of claimed',
    'clauses, differs from the base revision while `version` is the same: readers and auditors cannot tell the',
    'revisions apart (ISO/IEC 20000-1 7.5.3 asks for control of changes). Raise the version. Moving only',
    '`next_review`, the approval or the status is not a revision. Records and reports carry a `date` instead and are',
    'not checked.',
  ].join('\n'),
});
