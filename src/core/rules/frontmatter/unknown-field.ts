import { defineRule } from '../rule.js';

// Reported by the document reader (src/core/document/readSmsDocument.ts): a document is checked only once it can be read.
export default defineRule({
  id: 'frontmatter.unknown-field',
  defaultSeverity: 'info',
  scope: 'document',
  description: 'A frontmatter field is not part of the document format (often a typo).',
  documentation: [
    "A field Clausemark does not know, often a typo or another system's name. The suggestion weighs meaning before",
    'spelling: a field sharing a word with the key, of the same kind (`approved_date` → `approved_on`, a date;',
    '`approver` → `approved_by`, a person; `review_date` → `next_review`). Organisation-specific fields go under',
    '`extraFields`.',
  ].join('\n'),
});
