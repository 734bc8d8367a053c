import { defineRule } from '../rule.js';

export default defineRule({
  id: 'cycle.audit-overdue',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: "A planned external audit's date has passed with no audit report of that kind dated on or after it.",
  documentation: [
    'At the planned audit in `certification.audits` (or at `certifiedOn` for a derived one): its date has passed and no',
    'audit report of that `kind` is dated on or after it (and before the next planned audit of that kind).',
  ].join('\n'),
  checkRepository({ cycle: cycleOf, anchor, locateSetting, report }) {
    const cycle = cycleOf();
    if (!cycle.certification) return;
    const at = locateSetting(['certification'], 'key') ?? anchor;
    for (const audit of cycle.planned) {
      if (audit.state !== 'overdue') continue;
      const range = audit.index !== undefined ? locateSetting(['certification', 'audits', audit.index]) : locateSetting(['certification', 'certifiedOn']);
      report(
        range ?? at,
        `The ${audit.kind} audit planned for ${audit.date} has passed, and no audit report of kind \`${audit.kind}\` is dated on or after it.`,
      );
    }
  },
});
