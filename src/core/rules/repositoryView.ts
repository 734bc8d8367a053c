import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { daysBetween } from '../model/dates.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from './evidencePath.js';

/** What is on disk at an evidence path. */
export interface TargetState {
  readonly exists: boolean;
  /** What exists there is a regular file; evidence must be one (a folder, even the repository root, is not a record). */
  readonly isFile: boolean;
  /** The path exists but a symlink takes it outside the repository. */
  readonly leavesRepository: boolean;
}

/** The parts of the index that cross-document checks read. */
export interface RepositoryView {
  readonly config: ClausemarkConfig;
  readonly catalog: ClauseCatalog;
  readonly today: string;
  documentsWithId(id: string): readonly SmsDocument[];
  /** Every id, as one array kept while ids stay the same (suggestions are remembered per array). */
  allIds(): readonly string[];
  /** The SMS document at a repository-relative path, if that file is one. */
  documentAt(path: string): SmsDocument | undefined;
  /** What is at a repository-relative path; undefined until it has been looked at. */
  targetState(path: string): TargetState | undefined;
}

/** The state of one evidence link, shared by the evidence rules and the coverage model. */
export function evidenceState(document: SmsDocument, link: EvidenceLink, view: RepositoryView): EvidenceState {
  if ((link.path === undefined) === (link.url === undefined)) return 'invalid';
  let date = link.date?.value;
  if (link.path) {
    const location = resolveEvidencePath(document.path, link.path.value);
    if (location.kind === 'outside') return 'outside';
    const target = view.targetState(location.path);
    if (!target || !target.exists) return 'missing';
    if (target.leavesRepository) return 'outside';
    if (!target.isFile) return 'missing';
    const record = view.documentAt(location.path);
    date ??= record?.date?.value ?? record?.approvedOn?.value;
  } else if (link.url && !/^https?:\/\//i.test(link.url.value.trim())) {
    return 'invalid';
  }
  return dateState(date, view);
}

/** A record document counted as evidence by itself: current while its own date is within the maximum age. */
export function recordState(document: SmsDocument, view: RepositoryView): EvidenceState {
  return dateState(document.date?.value ?? document.approvedOn?.value, view);
}

function dateState(date: string | undefined, view: RepositoryView): EvidenceState {
  if (date === undefined) return 'undated';
  return daysBetween(date, view.today) > view.config.evidenceMaxAgeDays ? 'stale' : 'current';
}

/** The date of the record an evidence path points to (its `date`, else `approved_on`). */
export function recordDate(document: SmsDocument, link: EvidenceLink, view: RepositoryView): string | undefined {
  if (!link.path) return undefined;
  const location = resolveEvidencePath(document.path, link.path.value);
  if (location.kind === 'outside') return undefined;
  const record = view.documentAt(location.path);
  return record?.date?.value ?? record?.approvedOn?.value;
}
