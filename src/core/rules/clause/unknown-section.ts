import { nearestAnchors } from '../../catalog/nearestAnchors.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'clause.unknown-section',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A clause claim names a `section` that matches no heading of the document.',
  documentation: [
    '`section` must be the anchor of a heading in the same document, as GitHub makes it: `## Service requests` →',
    '`service-requests`. The nearest anchors are suggested, those sharing words first (`service-requests` →',
    '`service-request-handling`), then those spelt alike. Headings inside lists or quotes nested more than about',
    '50 levels deep are not read (a limit that keeps hostile files fast).',
  ].join('\n'),
  checkDocument({ document, report, suggestions: budget }) {
    // Built once per document: one list for every claim's suggestions (so they are remembered), one set to look up.
    let headings: { readonly slugs: readonly string[]; readonly known: ReadonlySet<string> } | undefined;
    for (const claim of document.clauses) {
      if (!claim.section) continue;
      if (!headings) {
        const slugs = document.headings.map((heading) => heading.slug);
        headings = { slugs, known: new Set(slugs) };
      }
      const wanted = claim.section.value.replace(/^#/, '');
      if (headings.known.has(wanted)) continue;
      const suggestions = budget.nearest(wanted, headings.slugs, 3, nearestAnchors);
      report(
        claim.section.range,
        `No heading of this document has the anchor \`${wanted}\`${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '.'}`,
        {
          data: { clause: claim.clause, suggestions },
        },
      );
    }
  },
});
