import { buildAuditPack, type PackRevision, type RegisterEntry } from '../audit/auditPack.js';
import type { CheckResult } from '../check.js';
import { DOCUMENT_TYPES } from '../model/documentTypes.js';

/** One controlled document in the book: its register entry (the control block), its clauses and its body. */
export interface BookDocument {
  readonly control: RegisterEntry;
  readonly clauses: readonly string[];
  /** The id of its section (`doc-PRC-CHG`). */
  readonly anchor: string;
  /** The body, sanitised HTML. */
  readonly html: string;
}

/** The SMS documents of a repository as one book for print. */
export interface DocumentBook {
  readonly title: string;
  readonly organisation?: string;
  readonly scope?: string;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly generatedOn: string;
  readonly revision?: PackRevision;
  readonly toolVersion: string;
  readonly documents: readonly BookDocument[];
}

export interface BookOptions {
  /** Each document's Markdown, by repository-relative path (read by the caller: the core does no I/O). */
  readonly texts: ReadonlyMap<string, string>;
  /** Which documents go in (by repository-relative path); all when absent. */
  readonly includes?: (path: string) => boolean;
  readonly revision?: PackRevision;
  readonly toolVersion: string;
}

/**
 * Gathers the book from one check. The control block of each document is its line of the audit pack's document
 * register, so book, pack and workbook say the same; documents come by type (policies first), then by id.
 */
export async function buildDocumentBook(result: CheckResult, options: BookOptions): Promise<DocumentBook> {
  // The HTML pipeline (remark-gfm, rehype) is loaded only for a book, not by every command that loads the core.
  const { markdownToBookHtml } = await import('./markdownToHtml.js');
  const { config } = result.project;
  const register = buildAuditPack(result, { toolVersion: options.toolVersion }).documents.filter(
    (entry) => (options.includes?.(entry.path) ?? true) && options.texts.has(entry.path),
  );
  const entries = [...register].sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const entry of entries) {
    const base = `doc-${entry.id.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    anchors.set(entry.path, anchor);
  }
  const documents = entries.map((entry) => {
    const anchor = anchors.get(entry.path)!;
    return {
      control: entry,
      clauses: result.index.documentAt(entry.path)?.clauses.map((claim) => claim.clause) ?? [],
      anchor,
      html: markdownToBookHtml(options.texts.get(entry.path) ?? '', { path: entry.path, anchor, title: entry.title, anchorOf: (path) => anchors.get(path) }),
    };
  });
  return {
    title: config.organisation !== undefined ? `${config.organisation}: controlled documents` : 'Controlled documents',
    ...(config.organisation !== undefined ? { organisation: config.organisation } : {}),
    ...(config.scope !== undefined ? { scope: config.scope } : {}),
    catalog: result.coverage.catalog,
    generatedOn: result.today,
    ...(options.revision ? { revision: options.revision } : {}),
    toolVersion: options.toolVersion,
    documents,
  };
}

function typeRank(type: string | undefined): number {
  const rank = (DOCUMENT_TYPES as readonly string[]).indexOf(type ?? 'other');
  return rank === -1 ? DOCUMENT_TYPES.length : rank;
}
