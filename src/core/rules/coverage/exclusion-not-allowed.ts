import { defineRule } from '../rule.js';

export default defineRule({
  id: 'coverage.exclusion-not-allowed',
  defaultSeverity: 'error',
  scope: 'repository',
  description: 'The configuration excludes a clause, but the catalog allows no exclusions.',
  documentation: [
    'The catalog (like ISO/IEC 20000-1:2018) allows no exclusions; the clause stays in scope. Also reported, at',
    '`applicable`, when `applicability` declares a clause that is not a control (clauses 4 to 10 of any standard)',
    'not applicable.',
  ].join('\n'),
  // An `exclusions` or `applicability` entry in clausemark.json.
  checkConfigProblem({ problem: { range, alias, clause, setting }, catalogs, report }) {
    const catalog = catalogs.get(alias);
    if (!catalog) return;
    const note = catalog.exclusionsNote;
    if (setting === 'exclusions') {
      report(range, `${catalog.title} allows no exclusions, so clause ${clause} stays in scope${note ? `: ${note}` : '.'}`, { data: { clause } });
    } else {
      report(
        range,
        `${catalog.label(clause)} is a requirement of ${catalog.title}, not a control: it cannot be declared not applicable${note ? `. ${note}` : '.'}`,
        {
          data: { clause, catalog: alias },
        },
      );
    }
  },
});
