import type { AuditAdded, CycleChanges, NonconformityChange } from '../change/cycleChanges.js';
import type { NonconformityRecord } from '../model/nonconformity.js';
import type { SourceRange } from '../text/sourceRange.js';

/** One change to the certification cycle as every change format words it, with where it stands on the head. */
export interface CycleChangeLine {
  readonly title: string;
  readonly text: string;
  readonly file: string | undefined;
  readonly range: SourceRange | undefined;
}

// The words are made here once, so the text summary, the PR comment and the annotations say the same.
export function cycleChangeLines(changes: CycleChanges): CycleChangeLine[] {
  return [...changes.auditsAdded.map(auditLine), ...changes.nonconformities.map(nonconformityLine)];
}

function auditLine(added: AuditAdded): CycleChangeLine {
  const { audit } = added;
  const by = audit.auditor !== undefined ? ` by ${audit.auditor}` : '';
  const findings = added.findings === 1 ? '1 finding' : `${added.findings} findings`;
  const holds = added.holds ? `; it shows the planned ${added.holds.kind} audit of ${added.holds.date} was held` : '';
  return {
    title: 'audit report added',
    text: `Audit report ${audit.documentId} added: ${audit.kind} audit ending ${audit.date}${by}, ${findings}${holds}.`,
    file: audit.path,
    range: added.range,
  };
}

function nonconformityLine(change: NonconformityChange): CycleChangeLine {
  const record = (change.after ?? change.before)!;
  const name = `${change.id} (${[record.grade ?? 'no grade', record.clause].filter((part) => part !== undefined).join(', ')})`;
  const at = change.after ? { file: change.after.documentPath, range: change.after.range } : { file: change.before!.documentPath, range: undefined };
  return { title: `nonconformity ${change.kind}`, text: `${name} ${what(change, record)}.`, ...at };
}

function what(change: NonconformityChange, record: NonconformityRecord): string {
  switch (change.kind) {
    case 'raised':
      return `raised in ${record.documentId ?? record.documentPath}${record.due !== undefined ? `, due ${record.due}` : ''}`;
    case 'closed':
      return `closed${record.closedOn !== undefined ? ` on ${record.closedOn}` : ''}, ${record.verifiedOn !== undefined ? `verified on ${record.verifiedOn}` : record.state === 'unverified' ? 'not yet verified' : 'no verification needed'}`;
    case 'reopened':
      return `reopened (status ${record.status ?? 'not given'})`;
    case 'removed':
      return `removed from ${record.documentId ?? record.documentPath} while ${record.state}`;
  }
}
