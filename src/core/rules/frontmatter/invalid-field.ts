import { defineRule } from '../rule.js';

// Reported by the document reader (src/core/document/readSmsDocument.ts): a document is checked only once it can be read.
export default defineRule({
  id: 'frontmatter.invalid-field',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A frontmatter field has the wrong type, an unknown value or a malformed date.',
  documentation: [
    'A value of the wrong kind (a list where text belongs, a YAML alias), an unknown `type` or `status` (with the',
    'value meant suggested: common names map to their type — SLA, OLA, UC, contract → `agreement`; SOP, work',
    'instruction, runbook, playbook → `procedure`; policy statement → `policy`; log, minutes → `record` — else the',
    'nearest spelling), a date that is not `YYYY-MM-DD`, an id with spaces, or a `version` that YAML would read as a',
    'different number (`2.10` → `2.1`). A malformed field is reported once, here: `approved_on: 2026-1-5` is not',
    'also reported as missing by `control.missing-approval`.',
  ].join('\n'),
});
