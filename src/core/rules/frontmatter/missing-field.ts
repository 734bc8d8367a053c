import { defineRule } from '../rule.js';

export default defineRule({
  id: 'frontmatter.missing-field',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A field every SMS document needs (`id`, `title`, `type`) is missing.',
  documentation: ['`id`, `title` and `type` identify a document; without them it cannot be traced.'].join('\n'),
  checkReadProblem({ problem: { range, missing }, report }) {
    // A field `fields` maps to other keys names them, so the message says what to write.
    const names = missing
      .map(({ field, keys }) => `\`${field}\`${keys.length === 1 && keys[0] === field ? '' : ` (read from ${keys.map((key) => `\`${key}\``).join(' or ')})`}`)
      .join(', ');
    report(range, `Every SMS document needs ${names}; ${missing.length === 1 ? 'it is' : 'they are'} missing or empty.`, {
      data: { field: missing.map(({ field }) => field).join(',') },
    });
  },
});
