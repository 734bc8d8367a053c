import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import type { Finding } from '../model/finding.js';
import { createFinding } from '../rules/createFinding.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { DocumentChange } from './documentChanges.js';

/** A document the change did not touch that relies on something it did: worth another look. */
export interface SuspectLink {
  readonly documentId: string | undefined;
  readonly documentTitle: string | undefined;
  readonly path: string;
  /** `related` for a document id it lists, `evidence` for a file it links as evidence. */
  readonly via: 'related' | 'evidence';
  /** The related id or the evidence path (repository-relative). */
  readonly target: string;
  /** Where the changed target lives on the head (or lived, when deleted). */
  readonly targetPath: string;
  readonly range: SourceRange;
}

/**
 * Suspect links, as requirements tools call them: when a policy changes, the processes that list it under
 * `related` (and the documents whose evidence files changed) are listed for re-review. Documents the change
 * edited themselves are left out: their authors have them in front of them.
 */
export function findSuspectLinks(head: WorkspaceIndex, changes: readonly DocumentChange[], changedPaths: ReadonlySet<string>): SuspectLink[] {
  const changedIds = new Map<string, string>();
  for (const change of changes) {
    if (change.kind === 'added') continue;
    const id = change.head?.id?.value ?? change.base?.id?.value;
    if (id !== undefined) changedIds.set(id, change.path);
  }
  const suspects: SuspectLink[] = [];
  for (const document of head.documents()) {
    if (changedPaths.has(document.path)) continue;
    const identity = { documentId: document.id?.value, documentTitle: document.title?.value, path: document.path };
    for (const related of document.related) {
      const targetPath = changedIds.get(related.value);
      if (targetPath !== undefined) suspects.push({ ...identity, via: 'related', target: related.value, targetPath, range: related.range });
    }
    for (const link of document.evidence) {
      if (!link.path) continue;
      const location = resolveEvidencePath(document.path, link.path.value);
      if (location.kind === 'inside' && changedPaths.has(location.path)) {
        suspects.push({ ...identity, via: 'evidence', target: location.path, targetPath: location.path, range: link.path.range });
      }
    }
  }
  return suspects;
}

export function suspectLinkFindings(suspects: readonly SuspectLink[]): Finding[] {
  return suspects.map((suspect) =>
    suspect.via === 'related'
      ? createFinding(
          'change.suspect-link',
          suspect.path,
          suspect.range,
          `\`${suspect.target}\` changed in this change (${suspect.targetPath}); check that this document still agrees with it.`,
          {
            related: [{ file: suspect.targetPath, message: `${suspect.target} changed here` }],
            data: { documentId: suspect.target },
          },
        )
      : createFinding(
          'change.suspect-link',
          suspect.path,
          suspect.range,
          `The evidence file ${suspect.target} changed in this change; check that it still shows what this document claims.`,
          {
            related: [{ file: suspect.targetPath, message: 'changed here' }],
            data: { evidencePath: suspect.target },
          },
        ),
  );
}
