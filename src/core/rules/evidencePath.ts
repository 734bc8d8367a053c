import { posix } from 'node:path';

export type EvidenceLocation = { readonly kind: 'inside'; readonly path: string } | { readonly kind: 'outside'; readonly reason: string };

/**
 * Resolves an evidence `path` (relative to the document) to a repository-relative path, without touching
 * the disk. Backslashes are read as separators, since documents are often written on Windows.
 */
export function resolveEvidencePath(documentPath: string, evidencePath: string): EvidenceLocation {
  const written = evidencePath.trim().replace(/\\/g, '/');
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-z]:\//i.test(written)) {
    return { kind: 'outside', reason: 'it is a URL; give it as `url:` instead of `path:`' };
  }
  if (written.startsWith('/') || /^[a-z]:\//i.test(written)) {
    return { kind: 'outside', reason: 'it is an absolute path; write it relative to this document' };
  }
  const resolved = posix.normalize(posix.join(posix.dirname(documentPath), written));
  if (resolved === '..' || resolved.startsWith('../')) {
    return { kind: 'outside', reason: 'it leads outside the repository' };
  }
  return { kind: 'inside', path: resolved === '.' ? '' : resolved.replace(/\/$/, '') };
}
