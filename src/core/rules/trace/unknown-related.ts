import { defineRule } from '../rule.js';

export default defineRule({
  id: 'trace.unknown-related',
  defaultSeverity: 'error',
  scope: 'repository',
  description: 'A `related` id matches no document.',
  documentation: ['No document has that id; the nearest ids are suggested.'].join('\n'),
  checkAcrossDocuments({ document, repository, report, suggestions: budget }) {
    for (const reference of document.related) {
      if (repository.documentsWithId(reference.value).length > 0) continue;
      const suggestions = budget.nearest(reference.value, repository.allIds(), 3);
      report(
        reference.range,
        `No document has the id \`${reference.value}\`${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '.'}`,
        {
          data: { documentId: reference.value, suggestions },
        },
      );
    }
  },
});
