import { findFrontmatter, type OpeningFence } from '../document/frontmatterBlock.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';

/** How a document fared in the change. `moved` keeps its id under a new path. */
export type DocumentChangeKind = 'added' | 'modified' | 'moved' | 'deleted';

/** One SMS document the change touched, with both sides where they exist. */
export interface DocumentChange {
  readonly kind: DocumentChangeKind;
  /** The head path, or the base path of a deleted document. */
  readonly path: string;
  readonly base?: SmsDocument;
  readonly head?: SmsDocument;
  /** The Markdown after the frontmatter differs. */
  readonly bodyChanged: boolean;
  /** The set of claimed clauses differs. */
  readonly clausesChanged: boolean;
}

/** Reads a repository-relative file of one side, or undefined when it is not there. */
export type SideReader = (path: string) => Promise<string | undefined>;

/**
 * The documents among the changed paths, paired across the change by id (so a moved file is one document), else by path.
 */
export async function documentChanges(
  base: WorkspaceIndex,
  head: WorkspaceIndex,
  changedPaths: ReadonlySet<string>,
  read: { readonly base: SideReader; readonly head: SideReader },
): Promise<DocumentChange[]> {
  const changes: DocumentChange[] = [];
  const pairedBasePaths = new Set<string>();
  for (const path of [...changedPaths].sort()) {
    const headDocument = head.documentAt(path);
    if (!headDocument) continue;
    const id = headDocument.id?.value;
    const samePath = base.documentAt(path);
    const sameId = id === undefined ? [] : base.documentsWithId(id);
    const baseDocument =
      samePath && (id === undefined || samePath.id?.value === id) ? samePath : (sameId.find((document) => changedPaths.has(document.path)) ?? samePath);
    if (baseDocument) pairedBasePaths.add(baseDocument.path);
    const kind: DocumentChangeKind = !baseDocument ? 'added' : baseDocument.path === path ? 'modified' : 'moved';
    const [baseText, headText] = await Promise.all([baseDocument ? read.base(baseDocument.path) : undefined, read.head(path)]);
    changes.push({
      kind,
      path,
      ...(baseDocument ? { base: baseDocument } : {}),
      head: headDocument,
      bodyChanged:
        baseDocument !== undefined && bodyOf(baseText, base.config.frontmatter.openingFence) !== bodyOf(headText, head.config.frontmatter.openingFence),
      clausesChanged: baseDocument !== undefined && claimedClauses(baseDocument) !== claimedClauses(headDocument),
    });
  }
  for (const path of [...changedPaths].sort()) {
    const baseDocument = base.documentAt(path);
    if (!baseDocument || pairedBasePaths.has(path) || head.documentAt(path)) continue;
    changes.push({ kind: 'deleted', path, base: baseDocument, bodyChanged: true, clausesChanged: baseDocument.clauses.length > 0 });
  }
  return changes;
}

function bodyOf(text: string | undefined, openingFence: OpeningFence): string {
  if (text === undefined) return '';
  const block = findFrontmatter(text, openingFence);
  return (block ? text.slice(block.blockEnd) : text).replace(/\r\n/g, '\n').trim();
}

function claimedClauses(document: SmsDocument): string {
  return [...new Set(document.clauses.map((claim) => claim.clause))].sort().join('\n');
}

/** Whether the change touched what the document says: its text or its claims. */
export function isSubstantive(change: DocumentChange): boolean {
  return change.bodyChanged || change.clausesChanged;
}
