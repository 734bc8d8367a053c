import type { ClauseCoverage, ClauseEvidence } from '../coverage/coverageReport.js';
import { documentControl } from '../coverage/documentControl.js';
import type { EvidenceState } from '../model/evidenceState.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { PackLinks } from './packLinks.js';

/** One line of the document register (ISO/IEC 20000-1 7.5.3: documented information is controlled). */
export interface RegisterEntry {
  readonly id: string;
  readonly title: string;
  /** Repository path of the document. */
  readonly path: string;
  /** The document, relative to the pack's folder. */
  readonly href: string;
  readonly type?: string;
  readonly owner?: string;
  readonly version?: string;
  /** The control state in words (`approved`, `draft`, `approval incomplete`…): approved only when the approval is in force. */
  readonly status?: string;
  readonly approvedBy?: string;
  readonly approvedOn?: string;
  readonly nextReview?: string;
  /** Not retired, and `next_review` has passed (records and reports are kept, not reviewed). */
  readonly overdue: boolean;
  /** A record's own date. */
  readonly date?: string;
}

export interface EvidenceEntry {
  /** `evidence-3`: the row's id, which diagrams link to. */
  readonly anchor: string;
  readonly documentId: string;
  /** The linking document's repository path and link. */
  readonly documentPath: string;
  readonly documentHref: string;
  readonly clause: string;
  /** The URL, the repository path, or (when it leads outside the repository) the path as written. */
  readonly target: string;
  /** Where the evidence opens; absent when there is nothing to open (missing, outside, not a web URL). */
  readonly href?: string;
  /** Title of the SMS document the evidence is, when it is one. */
  readonly targetTitle?: string;
  readonly date?: string;
  readonly state: EvidenceState;
}

/** The document register: every document with an id, by id in natural order. */
export function documentRegister(documents: readonly SmsDocument[], today: string, reviewWarningDays: number, links: PackLinks): RegisterEntry[] {
  return documents
    .filter((document) => document.id !== undefined)
    .map((document) => {
      const control = documentControl(document, today, reviewWarningDays);
      const nextReview = document.nextReview?.value;
      return {
        id: document.id!.value,
        title: document.title?.value ?? document.id!.value,
        path: document.path,
        href: links.file(document.path),
        ...optional('type', document.type?.value),
        ...optional('owner', document.owner?.value),
        ...optional('version', document.version?.value),
        ...optional('status', document.status ? control.label : undefined),
        ...optional('approvedBy', document.approvedBy?.value),
        ...optional('approvedOn', document.approvedOn?.value),
        ...optional('nextReview', nextReview),
        overdue: control.review === 'overdue',
        ...optional('date', document.date?.value),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }) || (a.path < b.path ? -1 : 1));
}

/** The evidence register: each piece of evidence per clause, in clause order, as coverage counted it. */
export function evidenceRegister(clauses: readonly ClauseCoverage[], documents: readonly RegisterEntry[], links: PackLinks): EvidenceEntry[] {
  const titleOf = new Map(documents.map((document) => [document.path, document.title]));
  return clauses
    .flatMap((clause) => clause.evidence.map((item) => ({ clause: clause.clause, item })))
    .map(({ clause, item }, index) => {
      const title = item.repositoryPath !== undefined ? titleOf.get(item.repositoryPath) : undefined;
      const href = evidenceHref(item, links);
      return {
        anchor: `evidence-${index + 1}`,
        documentId: item.documentId,
        documentPath: item.documentPath,
        documentHref: links.file(item.documentPath),
        clause,
        target: item.url ?? item.repositoryPath ?? item.path ?? item.documentPath,
        ...(href !== undefined ? { href } : {}),
        ...optional('targetTitle', title),
        ...optional('date', item.date),
        state: item.state,
      };
    });
}

/** A link to the evidence itself, unless it is known not to be there. */
export function evidenceHref(item: ClauseEvidence, links: PackLinks): string | undefined {
  if (item.url !== undefined) return links.web(item.url);
  if (item.repositoryPath === undefined || item.state === 'missing' || item.state === 'outside') return undefined;
  return links.file(item.repositoryPath);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
