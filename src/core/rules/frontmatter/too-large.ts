import { MAX_FRONTMATTER_KB, MAX_LIST_ITEMS } from '../../document/frontmatterLimits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'frontmatter.too-large',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'The frontmatter, or one of its lists, is larger than Clausemark reads; what lies past the limit is not checked.',
  documentation: [
    'Frontmatter over 128 KB is not parsed at all, and of a `clauses`, `evidence` or `related` list only the first',
    '1,000 entries are read: a document comes with every pull request, and one 5 MB list took 13 s and 1.6 GB to',
    'read. The finding sits on the opening fence, or on the first entry past the limit; nothing past it is checked.',
    'Keep long lists in records of their own.',
  ].join('\n'),
  checkReadProblem({ problem: { range, field, length }, report }) {
    report(
      range,
      field === undefined
        ? `The frontmatter is ${Math.ceil(length / 1024)} KB, over the ${MAX_FRONTMATTER_KB} KB Clausemark reads, so none of it is checked; keep long lists in records of their own.`
        : `\`${field}\` has ${length} entries; Clausemark reads the first ${MAX_LIST_ITEMS}, and the rest are not checked.`,
    );
  },
});
