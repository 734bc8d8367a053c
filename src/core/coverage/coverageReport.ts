import type { DocumentRequirement } from '../catalog/catalogFile.js';
import type { DocumentStatus, DocumentType } from '../model/documentTypes.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { SourceRange } from '../text/sourceRange.js';

export type ClauseStatus = 'covered' | 'partial' | 'uncovered' | 'excluded';

/** A document that claims a clause. */
export interface AddressingDocument {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly type: DocumentType | undefined;
  readonly status: DocumentStatus | undefined;
  /** Where the claim is written. */
  readonly claimRange: SourceRange;
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
  /** Required documented information no approved document of a fitting type provides. */
  readonly missingDocuments: readonly DocumentRequirement[];
  readonly recordsRequired: boolean;
  readonly recordsPresent: boolean;
  /** Why the clause is not covered, in words; empty when covered. */
  readonly gaps: readonly string[];
  readonly exclusion?: string;
}

export interface CoverageSummary {
  readonly leaves: number;
  readonly covered: number;
  readonly partial: number;
  readonly uncovered: number;
  readonly excluded: number;
  /** Covered share of the applicable (not excluded) leaf clauses, 0–100 with one decimal. */
  readonly percent: number;
}

export interface CoverageReport {
  readonly catalog: { readonly id: string; readonly title: string };
  readonly clauses: readonly ClauseCoverage[];
  readonly summary: CoverageSummary;
}
