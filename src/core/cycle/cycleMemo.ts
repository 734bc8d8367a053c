import { nonconformityRecord, type NonconformityRecord } from '../model/nonconformity.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { HeldAudit } from './cycleState.js';

/** One owner's documents in order, and the positions among them of the documents claiming each clause. */
export interface OwnedWork {
  readonly documents: readonly SmsDocument[];
  readonly byClause: ReadonlyMap<string, readonly number[]>;
}

/**
 * What computing the certification cycle keeps from one run to the next, so that a run after an edit at
 * 10,000 documents redoes only what the edit touched. An edit replaces a document's object (documents are never
 * changed in place), so what is worked out from one document is kept by that object.
 */
export class CycleMemo {
  private readonly owners = new WeakMap<SmsDocument, string | undefined>();
  private readonly records = new WeakMap<SmsDocument, { readonly day: string; readonly records: readonly NonconformityRecord[] }>();
  private readonly work = new Map<string, OwnedWork>();
  private readonly audits = new WeakMap<SmsDocument, { readonly day: string; readonly work: OwnedWork | undefined; readonly audit: HeldAudit | undefined }>();

  /** The document's owner as auditors are matched with owners (trimmed, lower case). */
  ownerOf(document: SmsDocument): string | undefined {
    if (this.owners.has(document)) return this.owners.get(document);
    const owner = document.owner?.value.trim().toLowerCase();
    this.owners.set(document, owner);
    return owner;
  }

  /** The document's audit findings as records on `day`. */
  recordsOf(document: SmsDocument, day: string): readonly NonconformityRecord[] {
    if (!document.findings) return [];
    let kept = this.records.get(document);
    if (kept?.day !== day)
      this.records.set(
        document,
        (kept = { day, records: document.findings.map((finding) => nonconformityRecord(finding, document.id?.value, document.path, day)) }),
      );
    return kept.records;
  }

  /**
   * An owner's work, kept while the owner's documents are the same in what it reads (path, id and clauses, in
   * order): typing in an audit report owned by an auditor keeps the work of every audit that auditor held.
   */
  ownedWork(owner: string, documents: readonly SmsDocument[]): OwnedWork {
    const kept = this.work.get(owner);
    if (kept && kept.documents.length === documents.length && kept.documents.every((document, at) => sameWork(document, documents[at]!))) return kept;
    const work = ownedWorkOf(documents);
    this.work.set(owner, work);
    return work;
  }

  /** The held audit of an audit report, kept while the report, the day and its auditor's work are the same. */
  heldAudit(document: SmsDocument, day: string, work: OwnedWork | undefined, compute: () => HeldAudit | undefined): HeldAudit | undefined {
    const kept = this.audits.get(document);
    if (kept && kept.day === day && kept.work === work) return kept.audit;
    const audit = compute();
    this.audits.set(document, { day, work, audit });
    return audit;
  }
}

function sameWork(before: SmsDocument, after: SmsDocument): boolean {
  if (before === after) return true;
  if (before.path !== after.path || before.id?.value !== after.id?.value || before.clauses.length !== after.clauses.length) return false;
  return before.clauses.every((claim, at) => claim.clause === after.clauses[at]!.clause);
}

function ownedWorkOf(documents: readonly SmsDocument[]): OwnedWork {
  const byClause = new Map<string, number[]>();
  documents.forEach((document, position) => {
    for (const claim of document.clauses) {
      const positions = byClause.get(claim.clause);
      if (!positions) byClause.set(claim.clause, [position]);
      else if (positions.at(-1) !== position) positions.push(position);
    }
  });
  return { documents, byClause };
}
