import { CatalogSet } from '../catalog/catalogSet.js';
import { nearestAnchors } from '../catalog/nearestAnchors.js';
import { resolveClaim } from '../catalog/resolveClaim.js';
import { anchorRange, type DocumentCheck } from './documentCheck.js';

/** Clause claims: known ids, leaves rather than groups, no repeats, sections that exist. */
export const clauseChecks: DocumentCheck = {
  rules: ['clause.unknown', 'clause.not-leaf', 'clause.duplicate', 'clause.unknown-section', 'trace.no-clauses'],
  run(context) {
    const { document, catalog, report, suggestions: budget } = context;
    const seen = new Map<string, (typeof document.clauses)[number]>();
    // Built once per document: one list for every claim's suggestions (so they are remembered), one set to look up.
    let headings: { readonly slugs: readonly string[]; readonly known: ReadonlySet<string> } | undefined;
    const catalogs = context.catalogs ?? CatalogSet.single(catalog);
    for (const claim of document.clauses) {
      const resolved = resolveClaim(catalogs, claim, budget);
      if (resolved.kind === 'unknown-alias') {
        const range = claim.alias?.range ?? claim.range;
        const known = catalogs.aliases().map((alias) => `\`${alias}\``).join(', ');
        report('clause.unknown', range, `\`${resolved.alias}\` is not a catalog alias of this project (${known})${resolved.suggestions.length > 0 ? `; did you mean ${resolved.suggestions.join(', ')}?` : '.'}`, {
          data: { clause: claim.clause, suggestions: resolved.suggestions.map((alias) => (claim.alias ? alias : `${alias}:${resolved.id}`)) },
        });
      } else if (resolved.kind === 'unknown-id') {
        report('clause.unknown', claim.range, `\`${resolved.id}\` is not a clause of ${resolved.catalog.title}${resolved.suggestions.length > 0 ? `; did you mean ${resolved.suggestions.join(', ')}?` : '.'}`, {
          data: { clause: claim.clause, suggestions: resolved.suggestions },
        });
      } else if (!resolved.clause.isLeaf) {
        const { catalog: owner, clause } = resolved;
        const leaves = owner.leavesUnder(clause.id).map((leaf) => (claim.clause.includes(':') && !claim.alias ? `${resolved.alias}:${leaf.id}` : leaf.id));
        report('clause.not-leaf', claim.range, `${owner.label(clause.id)} groups ${leaves.join(', ')}; claim the ones this document addresses.`, {
          data: { clause: clause.id, suggestions: leaves },
        });
      }
      const key = catalogs.key(claim.clause);
      const first = seen.get(key);
      if (first) {
        report('clause.duplicate', claim.range, `Clause ${claim.clause} is listed twice.`, {
          related: [{ file: document.path, range: first.range, message: `first ${claim.clause}` }],
          data: { clause: claim.clause },
        });
      } else {
        seen.set(key, claim);
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
