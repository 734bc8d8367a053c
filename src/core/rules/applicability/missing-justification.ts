import { defineRule } from '../rule.js';

// Reported while the configuration is loaded (src/core/config/applicabilityFindings.ts), at the control's entry in `applicability`.
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
});
