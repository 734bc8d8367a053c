import { defineRule } from '../rule.js';

export default defineRule({
  id: 'frontmatter.missing',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A Markdown file in an SMS folder has no YAML frontmatter.',
  documentation: [
    'A Markdown file under `smsFolders` has no frontmatter. Add one with at least `id`, `title` and `type`, or move',
    'the file out of the SMS folders if it is not a controlled document.',
  ].join('\n'),
  checkReadProblem({ lines, report }) {
    report(
      lines.lineRange(1),
      'This file is in an SMS folder but has no frontmatter; start it with a `---` block that gives at least `id`, `title` and `type`.',
    );
  },
});
