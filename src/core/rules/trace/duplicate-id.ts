import { defineRule } from '../rule.js';

/** The most other places one finding lists; the message counts the rest. */
export const MAX_RELATED = 20;

export default defineRule({
  id: 'trace.duplicate-id',
  defaultSeverity: 'error',
  scope: 'repository',
  description: 'Two documents share one id.',
  documentation: ['Ids must be unique across the SMS; each place is reported, pointing at the others.'].join('\n'),
  checkAcrossDocuments({ document, repository, report }) {
    if (!document.id) return;
    const owners = repository.documentsWithId(document.id.value);
    if (owners.length <= 1) return;
    // Thousands of copies of one id must not make every finding list every other copy (quadratic output).
    const allOthers = owners.filter((other) => other !== document);
    const others = allOthers.slice(0, MAX_RELATED);
    const more = allOthers.length - others.length;
    report(
      document.id.range,
      `The id \`${document.id.value}\` is also used by ${others.map((o) => o.path).join(', ')}${more > 0 ? ` and ${more} more ${more === 1 ? 'document' : 'documents'}` : ''}; ids must be unique across the SMS.`,
      {
        related: others.map((other) => ({ file: other.path, ...(other.id ? { range: other.id.range } : {}), message: `also \`${document.id?.value}\`` })),
        data: { documentId: document.id.value },
      },
    );
  },
});
