import { defineRule } from '../rule.js';

// Reported while the index reads files (src/core/index), before any check runs.
export default defineRule({
  id: 'file.unreadable',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A Markdown file could not be read as text: missing, not permitted, binary, larger than the size limit, or named with bytes that are not UTF-8.',
  documentation: [
    'The file is binary, not valid UTF-8, larger than `maxFileSizeKB`, cannot be read (permission denied), is not a',
    'regular file (a pipe or device), is a symbolic link leading outside the repository (never read), or sits in an',
    'SMS folder under a name that is not valid UTF-8 (it cannot be opened by name; the finding shows the bad bytes',
    'as `�`). Outside the SMS folders only files that start with a frontmatter fence are reported. Save the file as',
    'UTF-8 Markdown, rename it, split it, or raise the limit.',
  ].join('\n'),
});
