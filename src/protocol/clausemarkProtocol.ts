// The requests and notifications Clausemark's language server adds to LSP, declared once for the server and
// every client (the VS Code extension, tests). Models are plain JSON: a client renders them and computes nothing.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { CertificationSummary } from '../core/cycle/certificationSummary.js';

/** 0-based, as in LSP. */
export interface WireRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export type WireGroupStatus = 'covered' | 'at-risk' | 'partial' | 'uncovered' | 'excluded' | 'mixed';

export interface CoverageEvidenceNode {
  readonly label: string;
  readonly description: string;
  readonly current: boolean;
  /** The document that links the evidence, and where. */
  readonly uri: string;
  readonly range: WireRange;
}

export interface CoverageDocumentNode {
  readonly label: string;
  readonly description: string;
  readonly status: string | null;
  readonly soundApproval: boolean;
  readonly uri: string;
  readonly range: WireRange;
  readonly evidence: readonly CoverageEvidenceNode[];
}

export interface CoverageClauseNode {
  readonly id: string;
  readonly label: string;
  readonly isLeaf: boolean;
  readonly status: WireGroupStatus;
  readonly tooltip: string;
  readonly children: readonly CoverageClauseNode[];
  /** A leaf's documents: how many; their nodes come from `clausemark/coverageDocuments` when the leaf is opened. */
  readonly documentCount: number;
}

export interface CoverageFolderNode {
  readonly uri: string;
  readonly name: string;
  /** e.g. `2 at-risk · 84.2% covered` (of the primary catalog) */
  readonly description: string;
  /** The primary catalog's clause tree. */
  readonly clauses: readonly CoverageClauseNode[];
  /** With several catalogs (`catalogs` in clausemark.json): one node per alias, the primary first, each with its tree. */
  readonly catalogs?: readonly CoverageCatalogNode[];
}

/** One catalog of a folder with several: `27001: ISO/IEC 27001:2022` and its clause tree. */
export interface CoverageCatalogNode {
  readonly alias: string;
  readonly label: string;
  /** e.g. `3.2% covered` */
  readonly description: string;
  readonly clauses: readonly CoverageClauseNode[];
}

export interface CoverageTreeParams {
  /** Leave out covered clauses (and groups that hold only covered ones). */
  readonly gapsOnly: boolean;
}

/** The coverage tree of every folder that could be read. */
export const CoverageTreeRequest = new RequestType<CoverageTreeParams, { readonly folders: readonly CoverageFolderNode[] }, void>('clausemark/coverageTree');

export interface CoverageDocumentsParams {
  readonly folderUri: string;
  /** The leaf's node id in the tree (qualified for a catalog other than the primary, `27001:A.5.24`). */
  readonly clause: string;
}

/**
 * The documents under one leaf of the coverage tree, with their evidence. Asked for when the leaf is opened: a
 * clause of a 10,000-document SMS has hundreds, and the whole tree with them was 11 MB per refresh.
 */
export const CoverageDocumentsRequest = new RequestType<CoverageDocumentsParams, readonly CoverageDocumentNode[], void>('clausemark/coverageDocuments');

/** The status-bar text over every folder, or null when no folder has SMS coverage. */
export const StatusBarRequest = new RequestType0<{ readonly text: string; readonly tooltip: string } | null, void>('clausemark/statusBar');

export type TraceabilityScope =
  | { readonly kind: 'document'; readonly uri: string }
  | { readonly kind: 'family'; readonly folderUri: string; readonly clause: string }
  | { readonly kind: 'all'; readonly folderUri: string };

export interface TraceabilityModel {
  readonly title: string;
  /** Mermaid flowchart source. */
  readonly source: string;
  readonly empty: boolean;
  /** Node keys the page may open, with the file each opens. */
  readonly clickable: readonly { readonly key: string; readonly uri: string }[];
}

/** The traceability diagram of a document, a clause family or the whole SMS; null when there is none. */
export const TraceabilityRequest = new RequestType<TraceabilityScope, TraceabilityModel | null, void>('clausemark/traceability');

/** What a client needs to know about a file: whether it is an SMS document, and its folder. */
export interface DocumentInfo {
  readonly folderUri: string | null;
  readonly isSmsDocument: boolean;
  readonly id: string | null;
}
export const DocumentInfoRequest = new RequestType<{ readonly uri: string }, DocumentInfo, void>('clausemark/documentInfo');

/** What commands of a folder need: its root, clause groups to pick from, ids in use, where new documents go. */
export interface FolderInfo {
  readonly uri: string;
  readonly name: string;
  readonly rootUri: string;
  readonly ready: boolean;
  readonly clauseGroups: readonly { readonly id: string; readonly label: string }[];
  readonly ids: readonly string[];
  readonly smsFolder: string;
  readonly reviewCycleMonths: number;
}
export const FoldersRequest = new RequestType0<readonly FolderInfo[], void>('clausemark/folders');

export type CoverageExportFormat = 'md' | 'html' | 'csv' | 'json';
/** Writes the coverage report of a folder; answers the path written. */
export const ExportCoverageRequest = new RequestType<
  { readonly folderUri: string; readonly format: CoverageExportFormat; readonly targetUri: string },
  { readonly path: string },
  void
>('clausemark/exportCoverage');
/** Writes the registers of a folder as an .xlsx workbook; answers the path written. */
export const ExportWorkbookRequest = new RequestType<{ readonly folderUri: string; readonly targetUri: string }, { readonly path: string }, void>(
  'clausemark/exportWorkbook',
);

/** Reads every folder again from scratch (config, catalog and documents). */
export const RecheckRequest = new RequestType0<void, void>('clausemark/recheck');
/** Resolves once every queued edit and file change has been checked and published. */
export const SettledRequest = new RequestType0<void, void>('clausemark/settled');
/** The server's process id (a test kills it to see the client restart it). */
export const ServerInfoRequest = new RequestType0<{ readonly pid: number }, void>('clausemark/serverInfo');
/**
 * The Certification view's model (src/core/cycle/certificationSummary.ts): of the first folder with a
 * `certification` block, else of the first folder read; null before any folder is read.
 */
export const CertificationSummaryRequest = new RequestType0<CertificationSummary | null, void>('clausemark/certificationSummary');

/** Server → client: findings or coverage of a folder changed; views ask again. */
export const DidChangeNotification = new NotificationType<{ readonly folderUri: string }>('clausemark/didChange');
/** Server → client: reading a folder, for a progress display. */
export const ProgressNotification = new NotificationType<{ readonly folder: string; readonly done: number; readonly total: number }>('clausemark/progress');
