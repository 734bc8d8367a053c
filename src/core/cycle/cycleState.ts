import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { nextPlannedAudit, type Certification, type PlannedAudit } from '../config/certification.js';
import { addMonths } from '../model/dates.js';
import type { AuditKind, SmsDocument } from '../model/smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';
import { validDate, type NonconformityRecord } from '../model/nonconformity.js';
import { CycleMemo, type OwnedWork } from './cycleMemo.js';

/** An audit that was held: an audit report dated on or before the day judged. */
export interface HeldAudit {
  readonly documentId: string;
  readonly path: string;
  readonly kind: AuditKind;
  /** The audit's last day. */
  readonly date: string;
  readonly auditor?: string;
  readonly auditorRange?: SourceRange;
  /** The leaf clauses audited (a parent in `scope` stands for its leaves). */
  readonly leaves: readonly string[];
  /** For an internal audit: documents its auditor owns whose clauses it audited (ISO/IEC 20000-1 9.2). */
  readonly ownWork: readonly { readonly documentId: string; readonly path: string; readonly clauses: readonly string[] }[];
}

/** A planned external audit and whether a report of its kind shows it was held. */
export interface PlannedAuditState extends PlannedAudit {
  /** The position of the audit in `certification.audits`; undefined when derived from `certifiedOn`. */
  readonly index: number | undefined;
  readonly heldBy?: { readonly documentId: string; readonly date: string };
  /** `held`; `overdue` when its date has passed without a report; `upcoming` otherwise. */
  readonly state: 'held' | 'overdue' | 'upcoming';
}

/** When a leaf clause was last in an internal audit's scope. */
export interface ClauseAuditState {
  readonly clause: string;
  readonly lastAudited?: { readonly date: string; readonly documentId: string };
  /** Audited within `internalAuditMonths` of the day. */
  readonly current: boolean;
}

export interface ManagementReview {
  readonly documentId: string;
  readonly path: string;
  readonly date: string;
}

/** The certification cycle on one day: computed once here, read by the rules, `readiness` and the reports. */
export interface CycleState {
  readonly day: string;
  readonly certification: Certification | undefined;
  /** Audits held, oldest first. */
  readonly audits: readonly HeldAudit[];
  readonly planned: readonly PlannedAuditState[];
  /** The first planned external audit on or after the day. */
  readonly nextAudit: PlannedAuditState | undefined;
  /** Every leaf clause in scope of the SMS (not excluded), with its last internal audit; empty without `certification`. */
  readonly clauses: readonly ClauseAuditState[];
  readonly nonconformities: readonly NonconformityRecord[];
  /** Management reviews held, oldest first. */
  readonly managementReviews: readonly ManagementReview[];
  /** When the next management review is due: the last one (or `certifiedOn`) plus `managementReviewMonths`. */
  readonly managementReviewDue: string | undefined;
  /** Findings by id, to find ids used twice. */
  readonly nonconformitiesById: ReadonlyMap<string, readonly NonconformityRecord[]>;
}

/**
 * The cycle as of `day`; documents dated after it do not count (they had not happened yet). `memo` keeps work
 * between runs over the same catalog (an index passes its own); without it nothing is kept.
 */
export function computeCycle(
  documents: Iterable<SmsDocument>,
  catalog: ClauseCatalog,
  config: ClausemarkConfig,
  day: string,
  memo = new CycleMemo(),
): CycleState {
  const all = [...documents].filter((document) => document.id !== undefined && document.status?.value !== 'retired');
  const audits = heldAudits(all, catalog, day, memo);
  const nonconformities: NonconformityRecord[] = [];
  for (const document of all) if (document.findings) nonconformities.push(...memo.recordsOf(document, day));
  const managementReviews = all
    .filter((document) => document.type?.value === 'management-review' && document.date !== undefined && document.date.value <= day)
    .map((document) => ({ documentId: document.id!.value, path: document.path, date: document.date!.value }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  const certification = config.certification;
  const planned = certification ? plannedStates(certification, audits, day) : [];
  const lastReview = managementReviews.at(-1)?.date ?? certification?.certifiedOn;
  return {
    day,
    certification,
    audits,
    planned,
    // `planned` follows `certification.audits` position for position.
    nextAudit: planned[certification?.audits.indexOf(nextPlannedAudit(certification, day)!) ?? -1],
    clauses: certification ? clauseStates(catalog, config, certification, audits, day) : [],
    nonconformities,
    managementReviews,
    nonconformitiesById: groupById(nonconformities),
    managementReviewDue: certification && lastReview !== undefined ? addMonths(lastReview, certification.managementReviewMonths) : undefined,
  };
}

function heldAudits(documents: readonly SmsDocument[], catalog: ClauseCatalog, day: string, memo: CycleMemo): HeldAudit[] {
  const byOwner = new Map<string, SmsDocument[]>();
  for (const document of documents) {
    const owner = memo.ownerOf(document);
    if (owner === undefined) continue;
    // Pushed, not copied: a copy per document made this quadratic (10,000 documents, a few owners).
    const owned = byOwner.get(owner);
    if (owned) owned.push(document);
    else byOwner.set(owner, [document]);
  }
  // Per auditor, which of their documents claim each clause: an audit looks up its scope instead of reading every
  // document its auditor owns (hundreds of audits by a few owners of thousands of documents at 10,000).
  const workByOwner = new Map<string, OwnedWork>();
  const ownedWork = (owner: string): OwnedWork => {
    let work = workByOwner.get(owner);
    if (!work) workByOwner.set(owner, (work = memo.ownedWork(owner, byOwner.get(owner) ?? [])));
    return work;
  };
  const audits: HeldAudit[] = [];
  for (const document of documents) {
    if (document.type?.value !== 'audit') continue;
    const kind = document.audit?.kind?.value;
    const auditor = document.audit?.auditor;
    const work = kind === 'internal' && auditor ? ownedWork(auditor.value.trim().toLowerCase()) : undefined;
    const audit = memo.heldAudit(document, day, work, () => heldAudit(document, catalog, day, work));
    if (audit) audits.push(audit);
  }
  return audits.sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
}

/** The audit an audit report shows was held by `day`, if it does. */
function heldAudit(document: SmsDocument, catalog: ClauseCatalog, day: string, work: OwnedWork | undefined): HeldAudit | undefined {
  const kind = document.audit?.kind?.value;
  const date = validDate(document.date?.value);
  if (kind === undefined || date === undefined || date > day) return undefined;
  const leaves = [...new Set(document.audit!.scope.flatMap((clause) => catalog.leavesUnder(clause.value).map((leaf) => leaf.id)))];
  const auditor = document.audit!.auditor;
  const ownWork = work ? independenceConflicts(work, document, leaves) : [];
  return {
    documentId: document.id!.value,
    path: document.path,
    kind,
    date,
    leaves,
    ownWork,
    ...(auditor ? { auditor: auditor.value, auditorRange: auditor.range } : {}),
  };
}

function independenceConflicts(owned: OwnedWork, audit: SmsDocument, leaves: readonly string[]): HeldAudit['ownWork'] {
  const scope = new Set(leaves);
  const positions = new Set<number>();
  for (const leaf of scope) for (const position of owned.byClause.get(leaf) ?? []) positions.add(position);
  return [...positions]
    .sort((a, b) => a - b)
    .map((position) => owned.documents[position]!)
    .filter((document) => document.path !== audit.path)
    .map((document) => ({
      documentId: document.id!.value,
      path: document.path,
      clauses: [...new Set(document.clauses.map((claim) => claim.clause).filter((clause) => scope.has(clause)))],
    }));
}

function plannedStates(certification: Certification, audits: readonly HeldAudit[], day: string): PlannedAuditState[] {
  return certification.audits.map((audit, position) => {
    // A report counts for the planned audit it follows, up to the next planned audit of the same kind.
    const nextOfKind = certification.audits.slice(position + 1).find((later) => later.kind === audit.kind)?.date;
    const report = audits.find((held) => held.kind === audit.kind && held.date >= audit.date && (nextOfKind === undefined || held.date < nextOfKind));
    const state = report ? 'held' : audit.date < day ? 'overdue' : 'upcoming';
    return {
      ...audit,
      index: certification.auditsPlanned ? position : undefined,
      state,
      ...(report ? { heldBy: { documentId: report.documentId, date: report.date } } : {}),
    };
  });
}

function clauseStates(
  catalog: ClauseCatalog,
  config: ClausemarkConfig,
  certification: Certification,
  audits: readonly HeldAudit[],
  day: string,
): ClauseAuditState[] {
  const excluded = new Set(catalog.exclusionsAllowed ? config.exclusions.map((exclusion) => exclusion.clause) : []);
  const windowStart = addMonths(day, -certification.internalAuditMonths);
  const last = new Map<string, { date: string; documentId: string }>();
  for (const audit of audits) {
    if (audit.kind !== 'internal') continue;
    for (const leaf of audit.leaves) last.set(leaf, { date: audit.date, documentId: audit.documentId });
  }
  return catalog
    .leaves()
    .filter((leaf) => !excluded.has(leaf.id))
    .map((leaf) => {
      const lastAudited = last.get(leaf.id);
      return { clause: leaf.id, current: lastAudited !== undefined && lastAudited.date >= windowStart, ...(lastAudited ? { lastAudited } : {}) };
    });
}

function groupById(records: readonly NonconformityRecord[]): Map<string, NonconformityRecord[]> {
  const byId = new Map<string, NonconformityRecord[]>();
  for (const record of records) if (record.id !== undefined) byId.set(record.id, [...(byId.get(record.id) ?? []), record]);
  return byId;
}
