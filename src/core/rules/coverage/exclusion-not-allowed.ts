import { defineRule } from '../rule.js';

// Reported while the configuration is loaded (src/core/config/loadProject.ts), with the setting's range.
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
});
