import { defineRule } from '../rule.js';

// Reported by the document reader (src/core/document/readSmsDocument.ts): a document is checked only once it can be read.
export default defineRule({
  id: 'frontmatter.invalid-yaml',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'The frontmatter is not valid YAML, is not a mapping, or is not closed.',
  documentation: [
    "The YAML does not parse (reported at the parser's position: an unclosed bracket, a tab used for",
    'indentation, a nested mapping on one line), the block is not a mapping, or it is never closed by a `---` line.',
    'Frontmatter marked as another language (`---js`, `---json`) is refused, never evaluated, and YAML nested deeper',
    'than 64 brackets or 256 columns is refused at the place it gets too deep.',
    'A document with broken frontmatter is not indexed until it is fixed.',
  ].join('\n'),
});
