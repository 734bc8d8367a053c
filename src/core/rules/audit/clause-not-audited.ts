import { addMonths } from '../../model/dates.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'audit.clause-not-audited',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: "A leaf clause was in no internal audit's `scope` within the last `internalAuditMonths` (with a `certification` block).",
  documentation: [
    'One finding per leaf clause (on `clausemark.json`, at `certification`) that no internal audit (`type: audit`,',
    '`audit.kind: internal`, dated on or before today) had in its `scope` within the last `internalAuditMonths`; the',
    'message says when it was last audited, if ever. A parent clause in `scope` stands for all its leaves.',
  ].join('\n'),
  checkRepository({ cycle: cycleOf, catalog, anchor, locateSetting, report }) {
    const cycle = cycleOf();
    const certification = cycle.certification;
    if (!certification) return;
    const at = locateSetting(['certification'], 'key') ?? anchor;
    const since = addMonths(cycle.day, -certification.internalAuditMonths);
    for (const clause of cycle.clauses) {
      if (clause.current) continue;
      const last = clause.lastAudited ? `last audited on ${clause.lastAudited.date} (${clause.lastAudited.documentId})` : 'never audited internally';
      report(at, `${catalog.label(clause.clause)}: in no internal audit's scope since ${since}; ${last}.`, { data: { clause: clause.clause } });
    }
  },
});
