import { nearestAnchors } from '../catalog/nearestAnchors.js';
import { anchorRange, type DocumentCheck } from './documentCheck.js';

/** Clause claims: known ids, leaves rather than groups, no repeats, sections that exist. */
export const clauseChecks: DocumentCheck = {
  rules: ['clause.unknown', 'clause.not-leaf', 'clause.duplicate', 'clause.unknown-section', 'trace.no-clauses'],
  run({ document, catalog, report, suggestions: budget }) {
    const seen = new Map<string, (typeof document.clauses)[number]>();
    // Built once per document: one list for every claim's suggestions (so they are remembered), one set to look up.
    let headings: { readonly slugs: readonly string[]; readonly known: ReadonlySet<string> } | undefined;
    for (const claim of document.clauses) {
      const clause = catalog.get(claim.clause);
      if (!clause) {
        const suggestions = catalog.suggest(claim.clause, 3, budget);
        report('clause.unknown', claim.range, `\`${claim.clause}\` is not a clause of ${catalog.title}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`, {
          data: { clause: claim.clause, suggestions },
        });
      } else if (!clause.isLeaf) {
        const leaves = catalog.leavesUnder(clause.id).map((leaf) => leaf.id);
        report('clause.not-leaf', claim.range, `${catalog.label(clause.id)} groups ${leaves.join(', ')}; claim the ones this document addresses.`, {
          data: { clause: clause.id, suggestions: leaves },
        });
      }
      const first = seen.get(claim.clause);
      if (first) {
        report('clause.duplicate', claim.range, `Clause ${claim.clause} is listed twice.`, {
          related: [{ file: document.path, range: first.range, message: `first ${claim.clause}` }],
          data: { clause: claim.clause },
        });
      } else {
        seen.set(claim.clause, claim);
      }
      if (claim.section) {
        if (!headings) {
          const slugs = document.headings.map((heading) => heading.slug);
          headings = { slugs, known: new Set(slugs) };
        }
        const wanted = claim.section.value.replace(/^#/, '');
        if (!headings.known.has(wanted)) {
          const suggestions = budget.nearest(wanted, headings.slugs, 3, nearestAnchors);
          report('clause.unknown-section', claim.section.range, `No heading of this document has the anchor \`${wanted}\`${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '.'}`, {
            data: { clause: claim.clause, suggestions },
          });
        }
      }
    }
    if (document.clauses.length === 0 && document.status?.value !== 'retired') {
      report('trace.no-clauses', document.fields.get('clauses')?.keyRange ?? anchorRange(document), 'The document claims no clause, so no requirement traces to it; list the clauses it addresses under `clauses:`.');
    }
  },
};
