import type { CycleState, HeldAudit } from '../../cycle/cycleState.js';
import { listSome } from '../../text/listSome.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'audit.auditor-not-independent',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: "The auditor of an internal audit owns a document whose clauses are in that audit's scope.",
  documentation: [
    "At an internal audit's `auditor`: the auditor is the `owner` of a document that claims a clause in the audit's",
    'scope. ISO/IEC 20000-1 asks that auditors do not audit their own work; have someone else audit those clauses.',
  ].join('\n'),
  checkAcrossDocuments({ document, report, cycle }) {
    // Only audit reports can be audits: the cycle is computed only for them.
    if (document.type?.value !== 'audit') return;
    const audit = heldAuditAt(cycle(), document.path);
    if (!audit || audit.ownWork.length === 0 || !audit.auditorRange) return;
    const work = listSome(audit.ownWork.map((owned) => `${owned.documentId} (${owned.clauses.join(', ')})`));
    report(
      audit.auditorRange,
      `${audit.auditor} audits their own work: they own ${work}, in this audit's scope; an internal auditor must be independent of what they audit.`,
      {
        related: audit.ownWork.map((owned) => ({ file: owned.path, message: `owned by ${audit.auditor}` })),
      },
    );
  },
});

const AUDITS_BY_PATH = new WeakMap<CycleState, Map<string, HeldAudit>>();

/** The held audit a document is the report of, looked up by path (kept per cycle state: every audit report asks). */
function heldAuditAt(cycle: CycleState, path: string): HeldAudit | undefined {
  let byPath = AUDITS_BY_PATH.get(cycle);
  if (!byPath) {
    byPath = new Map();
    // The first audit with the path, as `find` over the list would give.
    for (const audit of cycle.audits) if (!byPath.has(audit.path)) byPath.set(audit.path, audit);
    AUDITS_BY_PATH.set(cycle, byPath);
  }
  return byPath.get(path);
}
