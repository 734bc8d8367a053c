import { defineRule } from '../rule.js';

// Reported by the document reader (src/core/document/readSmsDocument.ts): a document is checked only once it can be read.
export default defineRule({
  id: 'frontmatter.missing',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A Markdown file in an SMS folder has no YAML frontmatter.',
  documentation: [
    'A Markdown file under `smsFolders` has no frontmatter. Add one with at least `id`, `title` and `type`, or move',
    'the file out of the SMS folders if it is not a controlled document.',
  ].join('\n'),
});
