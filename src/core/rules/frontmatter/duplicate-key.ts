import { defineRule } from '../rule.js';

// Reported by the document reader (src/core/document/readSmsDocument.ts): a document is checked only once it can be read.
export default defineRule({
  id: 'frontmatter.duplicate-key',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A frontmatter key appears twice; YAML readers disagree on which one wins.',
  documentation: ['A key appears twice; YAML tools disagree on which value wins. Clausemark uses the first and points at both.'].join('\n'),
});
