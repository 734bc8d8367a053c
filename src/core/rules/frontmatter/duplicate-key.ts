import { defineRule } from '../rule.js';

export default defineRule({
  id: 'frontmatter.duplicate-key',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A frontmatter key appears twice; YAML readers disagree on which one wins.',
  documentation: ['A key appears twice; YAML tools disagree on which value wins. Clausemark uses the first and points at both.'].join('\n'),
  checkReadProblem({ problem: { range, key, first, list }, file, report }) {
    if (list !== undefined) report(range, `\`${key}\` is set twice in this \`${list}\` entry.`);
    else
      report(range, `\`${key}\` is set twice; remove one of them.`, {
        ...(first ? { related: [{ file, range: first, message: `first \`${key}\`` }] } : {}),
        data: { field: key },
      });
  },
});
