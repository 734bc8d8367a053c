import { defineRule } from '../rule.js';

export default defineRule({
  id: 'control.missing-approval',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An approved document does not say who approved it (`approved_by`) or when (`approved_on`).',
  documentation: ['An `approved` document must say who approved it and when: the evidence of approval an auditor asks for.'].join('\n'),
  checkDocument({ document, report }) {
    if (document.status?.value !== 'approved') return;
    // A malformed value is reported once, as malformed (frontmatter.invalid-field), never also as missing.
    const absent = (field: string): boolean => document.fields.get(field)?.malformed !== true;
    const unsaid = [!document.approvedBy && absent('approved_by') && 'approved_by', !document.approvedOn && absent('approved_on') && 'approved_on'].filter(
      (field): field is string => typeof field === 'string',
    );
    if (unsaid.length > 0) {
      report(document.status.range, `The document is approved but does not say ${unsaid.map((f) => `\`${f}\``).join(' or ')}.`, {
        data: { field: unsaid.join(',') },
      });
    }
  },
});
