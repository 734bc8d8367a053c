import { defineRule } from '../rule.js';

// Reported by the document reader (src/core/document/readSmsDocument.ts): a document is checked only once it can be read.
export default defineRule({
  id: 'frontmatter.missing-field',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A field every SMS document needs (`id`, `title`, `type`) is missing.',
  documentation: ['`id`, `title` and `type` identify a document; without them it cannot be traced.'].join('\n'),
});
