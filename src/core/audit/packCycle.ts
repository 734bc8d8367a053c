import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { CycleState, ManagementReview } from '../cycle/cycleState.js';
import type { NonconformityRecord } from '../model/nonconformity.js';
import { mermaidText } from '../traceability/mermaidFlowchart.js';

/** One column of the audit programme: an audit held, or a planned external audit not yet held. */
export interface ProgrammeAudit {
  readonly label: string;
  readonly kind: string;
  readonly date: string;
  readonly documentId?: string;
  /** `held`, or a planned audit's `upcoming` / `overdue`. */
  readonly state: 'held' | 'upcoming' | 'overdue';
}

/** The certification cycle in the audit pack: programme, nonconformity register, management review log, timeline. */
export interface PackCycle {
  readonly certifiedOn?: string;
  readonly expiresOn?: string;
  readonly audits: readonly ProgrammeAudit[];
  /** Per leaf clause, per audit column: whether that audit had the clause in scope. */
  readonly programme: readonly { readonly clause: string; readonly label: string; readonly audited: readonly boolean[] }[];
  readonly nonconformities: readonly NonconformityRecord[];
  readonly managementReviews: readonly ManagementReview[];
  /** A Mermaid timeline of the cycle. */
  readonly timeline: string;
}

/** The pack's cycle sections, where there is a cycle to show (a `certification` block, audits or reviews). */
export function packCycle(cycle: CycleState, catalog: ClauseCatalog): PackCycle | undefined {
  if (!cycle.certification && cycle.audits.length === 0 && cycle.managementReviews.length === 0 && cycle.nonconformities.length === 0) return undefined;
  const held: ProgrammeAudit[] = cycle.audits.map((audit) => ({
    label: audit.documentId,
    kind: audit.kind,
    date: audit.date,
    documentId: audit.documentId,
    state: 'held',
  }));
  const planned: ProgrammeAudit[] = cycle.planned
    .filter((audit) => audit.state !== 'held')
    .map((audit) => ({ label: `${audit.kind} (planned)`, kind: audit.kind, date: audit.date, state: audit.state === 'overdue' ? 'overdue' : 'upcoming' }));
  const audits = [...held, ...planned].sort((a, b) => a.date.localeCompare(b.date));
  const scopes = audits.map((audit) => new Set(cycle.audits.find((held) => held.documentId === audit.documentId)?.leaves ?? []));
  return {
    ...(cycle.certification ? { certifiedOn: cycle.certification.certifiedOn, expiresOn: cycle.certification.expiresOn } : {}),
    audits,
    programme: catalog.leaves().map((leaf) => ({ clause: leaf.id, label: catalog.label(leaf.id), audited: scopes.map((scope) => scope.has(leaf.id)) })),
    nonconformities: cycle.nonconformities,
    managementReviews: cycle.managementReviews,
    timeline: timeline(cycle, audits),
  };
}

function timeline(cycle: CycleState, audits: readonly ProgrammeAudit[]): string {
  const events: [date: string, text: string][] = [];
  if (cycle.certification) events.push([cycle.certification.certifiedOn, 'certified'], [cycle.certification.expiresOn, 'certificate expires']);
  for (const audit of audits) events.push([audit.date, `${audit.kind} audit${audit.documentId ? ` ${audit.documentId}` : ` (${audit.state})`}`]);
  for (const review of cycle.managementReviews) events.push([review.date, `management review ${review.documentId}`]);
  events.sort((a, b) => a[0].localeCompare(b[0]));
  const lines = ['timeline', '  title Certification cycle'];
  // A colon separates the events of one date in a timeline, so one in a document id is written as its code.
  for (const [date, text] of events) lines.push(`  ${date} : ${mermaidText(text, 60).replace(/:/g, '#58;')}`);
  return lines.join('\n');
}
