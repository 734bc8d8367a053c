import { suggestField } from '../../document/valueSuggestions.js';
import { defineRule } from '../rule.js';

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
  checkReadProblem({ problem: { range, key, mappedTo, suggestion, list, known }, report }) {
    if (list !== undefined && known !== undefined) {
      const nearest = suggestField(key, known);
      report(range, `\`${key}\` is not a field of a \`${list}\` entry; use ${quoted(known, ', ')}${nearest ? ` (did you mean \`${nearest}\`?)` : ''}.`, {
        data: { field: key, ...(nearest ? { suggestions: [nearest] } : {}) },
      });
      return;
    }
    const message = mappedTo
      ? `\`${key}\` is not read: clausemark.json (\`fields\`) reads \`${key}\` from ${quoted(mappedTo, ' or ')}; list it under \`extraFields\` if it is kept for another tool.`
      : `\`${key}\` is not a Clausemark field${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; list it under \`extraFields\` in clausemark.json if your organisation uses it.`;
    report(range, message, { data: { field: key, ...(suggestion ? { suggestions: [suggestion] } : {}) } });
  },
});

function quoted(keys: readonly string[], separator: string): string {
  return keys.map((key) => `\`${key}\``).join(separator);
}
