import type { SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import type { SourceRange } from '../text/sourceRange.js';

/** A place in the repository. */
export interface Place {
  readonly path: string;
  readonly range: SourceRange;
}

/** A clickable span and the repository-relative file it opens. */
export interface DocumentLink {
  readonly range: SourceRange;
  readonly target: string;
  readonly tooltip: string;
}

/** Where a document id is defined: the `id:` of each document that has it. */
export function definitionsOf(id: string, documents: readonly SmsDocument[]): Place[] {
  return documents.flatMap((document) => (document.id?.value === id ? [{ path: document.path, range: document.id.range }] : []));
}

/** Every place a clause is claimed or named as evidence's clause. */
export function clauseReferences(clause: string, documents: Iterable<SmsDocument>): Place[] {
  const places: Place[] = [];
  for (const document of documents) {
    for (const claim of document.clauses) if (claim.clause === clause) places.push({ path: document.path, range: claim.range });
    for (const link of document.evidence) if (link.clause?.value === clause) places.push({ path: document.path, range: link.clause.range });
  }
  return places;
}

/** Every place a document id appears: its definition and every `related` entry naming it. */
export function documentReferences(id: string, documents: Iterable<SmsDocument>): Place[] {
  const places: Place[] = [];
  for (const document of documents) {
    if (document.id?.value === id) places.push({ path: document.path, range: document.id.range });
    for (const reference of document.related) if (reference.value === id) places.push({ path: document.path, range: reference.range });
  }
  return places;
}

/** Evidence paths and `related` ids as links to the files they name. */
export function documentLinks(document: SmsDocument, documentsWithId: (id: string) => readonly SmsDocument[]): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const link of document.evidence) {
    if (!link.path) continue;
    const location = resolveEvidencePath(document.path, link.path.value);
    if (location.kind === 'inside') links.push({ range: link.path.range, target: location.path, tooltip: 'Open the evidence' });
  }
  for (const reference of document.related) {
    const target = documentsWithId(reference.value)[0];
    if (target) links.push({ range: reference.range, target: target.path, tooltip: `Open ${reference.value}: ${target.title?.value ?? target.path}` });
  }
  return links;
}
