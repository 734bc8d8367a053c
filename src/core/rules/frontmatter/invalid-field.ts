import { suggestValue } from '../../document/valueSuggestions.js';
import type { Expected, ValueProblem } from '../../document/readProblem.js';
import { defineRule } from '../rule.js';

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
  checkReadProblem({ problem: { range, field, value }, report }) {
    // Keys that are not plain names have no field to name (and no fix).
    report(range, messageOf(field ?? '', value), field === undefined ? {} : { data: { field } });
  },
});

/** What each list entry is written as, for the message on one that is not a mapping. */
const ENTRY_SHAPES: Record<string, string> = {
  evidence: 'Each `evidence` entry is a mapping with `path:` (or `url:`), `clause:` and `date:`.',
  audit: '`audit` is a mapping with `kind:`, `auditor:` and `scope:`.',
  findings: 'Each `findings` entry is a mapping with `id:`, `clause:`, `grade:`, `status:` and the dates.',
};

function messageOf(field: string, value: ValueProblem): string {
  switch (value.kind) {
    case 'key-not-plain':
      return value.inEntry ? 'Keys must be plain names.' : 'Frontmatter keys must be plain names.';
    case 'alias':
      return `\`${field}\` uses a YAML alias (\`*name\`); write the ${value.list ? 'list' : 'value'} out instead.`;
    case 'wrong-kind':
      return `\`${field}\` must be ${expectedOf(value.expected)}.`;
    case 'id-pattern':
      return 'An `id` is letters, digits and `.` `_` `-` `:` `/` (up to 100, starting with a letter or digit), such as `PRC-INC`.';
    case 'version-number':
      return `YAML reads \`version: ${value.written}\` as the number ${value.number}; quote it ("${value.written}") so every tool sees the same version.`;
    case 'unknown-value': {
      const suggestion = suggestValue(field, value.written.trim().toLowerCase(), value.allowed);
      return `\`${value.written}\` is not a known ${field}; use one of ${value.allowed.join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`;
    }
    case 'date':
      return `\`${value.written}\` is not a date; write \`${field}\` as YYYY-MM-DD, e.g. 2027-03-31.`;
    case 'single-value':
      return `\`${field}\` should be a list (one \`- item\` per line).`;
    case 'not-a-list':
      return `\`${field}\` must be a list.`;
    case 'not-a-mapping':
      return ENTRY_SHAPES[field] ?? `\`${field}\` must be a mapping.`;
    case 'not-a-catalog-alias':
      return 'Each key of `clauses` is a catalog alias from `catalogs` in clausemark.json.';
    case 'claim-without-clause':
      return 'Each entry of `clauses` needs a `clause:` id.';
  }
}

function expectedOf(expected: Expected): string {
  if (typeof expected === 'object') return `one of ${expected.oneOf.join(', ')}`;
  switch (expected) {
    case 'text':
      return 'text';
    case 'id':
      return 'a text id such as `PRC-INC`';
    case 'version':
      return 'text such as "2.1"';
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'clause':
      return 'a clause id';
    case 'document-id':
      return 'a document id';
    case 'claim':
      return 'a clause id such as 8.6.1, or a mapping with `clause:` and `section:`';
  }
}
