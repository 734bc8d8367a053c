import { defineRule } from '../rule.js';

export default defineRule({
  id: 'applicability.missing-justification',
  defaultSeverity: 'error',
  scope: 'repository',
  description: 'A control is declared not applicable under `applicability` without a justification.',
  documentation: [
    'A control is declared `"applicable": false` under `applicability` with an empty or missing `justification`',
    "(reported at the justification, or at the control's key when there is none). The control stays applicable",
    'until you say why it is not: the reason goes into the Statement of Applicability.',
  ].join('\n'),
  checkConfigProblem({ problem: { range, alias, clause }, catalogs, report }) {
    const catalog = catalogs.get(alias);
    if (!catalog) return;
    report(
      range,
      `${catalog.label(clause)} is declared not applicable without a justification; say why it does not apply (it goes in the Statement of Applicability).`,
      { data: { clause, catalog: alias } },
    );
  },
});
