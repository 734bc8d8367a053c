import type { DocumentRequirement } from '../catalog/catalogFile.js';
import type { DocumentStatus, DocumentType } from '../model/documentTypes.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { DocumentControl } from './documentControl.js';

/**
 * A leaf clause's state, worst first (see the README's Coverage section for the exact conditions):
 * - `uncovered`: no document (draft or approved, not retired) claims it;
 * - `partial`: claimed, but something it needs is absent: no approved document, no approved document of a required
 *   type, or no evidence at all where records are required;
 * - `at-risk`: everything it needs is there as written, but some of it has a document-control or evidence defect
 *   (approval incomplete or not yet in force, review overdue, evidence missing, stale, invalid or outside the
 *   repository);
 * - `covered`: everything it needs is there and sound;
 * - `excluded`: the configuration excludes it and the catalog allows exclusions.
 */
export type ClauseStatus = 'covered' | 'at-risk' | 'partial' | 'uncovered' | 'excluded';

/** Every clause state, in the order summaries list them. */
export const CLAUSE_STATUSES: readonly ClauseStatus[] = ['covered', 'at-risk', 'partial', 'uncovered', 'excluded'];

/** How many clauses of the summary are in `status`. */
export function summaryCount(summary: CoverageSummary, status: ClauseStatus): number {
  return status === 'at-risk' ? summary.atRisk : summary[status];
}

/**
 * One reason for a clause's state: a `gap` is something required that is absent (it makes the clause partial or
 * uncovered), a `defect` is support that is there but cannot be relied on (it makes the clause at risk), an
 * `exclusion` is the configured justification.
 */
export interface ClauseReason {
  readonly kind: 'gap' | 'defect' | 'exclusion';
  readonly text: string;
  /** The document (or, for evidence, the document linking it) the reason is about. */
  readonly documentPath?: string;
  readonly range?: SourceRange;
}

/** How much evidence is linked to a clause, how much of it counts, and why the rest does not. */
export interface EvidenceCount {
  readonly linked: number;
  /** Current or undated evidence. */
  readonly usable: number;
  /** Evidence that does not count, by state (`{ missing: 1 }`); empty when all counts. */
  readonly unusable: Readonly<Partial<Record<EvidenceState, number>>>;
}

/** A document that claims a clause. */
export interface AddressingDocument {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly type: DocumentType | undefined;
  readonly status: DocumentStatus | undefined;
  /** Approval and review as of the day checked: only an approval in force counts as approved. */
  readonly control: DocumentControl;
  /** Where the claim is written. */
  readonly claimRange: SourceRange;
  /** Set when the document claims no this clause itself but a clause the crosswalk calls equivalent (`20000:10.1`). */
  readonly viaCrosswalk?: string;
}

/** One piece of evidence linked to a clause. */
export interface ClauseEvidence {
  /** The document that links it (or the record that is it). */
  readonly documentId: string;
  readonly documentPath: string;
  /** As written under `evidence: path:` (relative to the linking document); for a record that is its own evidence, its repository path. */
  readonly path?: string;
  /**
   * The file the evidence is, relative to the repository root, resolved once here so no view has to
   * (absent for URLs and for paths that lead outside the repository).
   */
  readonly repositoryPath?: string;
  readonly url?: string;
  readonly date?: string;
  readonly state: EvidenceState;
  readonly range: SourceRange;
}

/** The gap analysis of one leaf clause. */
export interface ClauseCoverage {
  readonly clause: string;
  readonly title: string;
  readonly status: ClauseStatus;
  /** Non-retired documents claiming the clause. */
  readonly documents: readonly AddressingDocument[];
  readonly evidence: readonly ClauseEvidence[];
  readonly evidenceCount: EvidenceCount;
  /** Required documented information no approved document of a fitting type provides. */
  readonly missingDocuments: readonly DocumentRequirement[];
  readonly recordsRequired: boolean;
  readonly recordsPresent: boolean;
  /** Why the clause has its state: gaps, then defects, or the exclusion; empty exactly when it is covered. */
  readonly reasons: readonly ClauseReason[];
  readonly exclusion?: string;
}

export interface CoverageSummary {
  readonly leaves: number;
  readonly covered: number;
  /** Clauses whose support has a defect; they are applicable but not covered. */
  readonly atRisk: number;
  readonly partial: number;
  readonly uncovered: number;
  readonly excluded: number;
  /** Covered share of the applicable (not excluded) leaf clauses, 0–100 with one decimal; at-risk clauses are applicable and not covered. */
  readonly percent: number;
}

export interface CoverageReport {
  readonly catalog: { readonly id: string; readonly title: string };
  readonly clauses: readonly ClauseCoverage[];
  readonly summary: CoverageSummary;
}
