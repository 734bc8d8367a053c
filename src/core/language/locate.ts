import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { SourceRange } from '../text/sourceRange.js';

/** What sits under the cursor, as far as Clausemark is concerned. */
export type Target =
  | { readonly kind: 'clause'; readonly clause: string; readonly range: SourceRange }
  | { readonly kind: 'document-id'; readonly id: string; readonly range: SourceRange; readonly own: boolean }
  | { readonly kind: 'evidence-path'; readonly path: string; readonly resolved: string | undefined; readonly range: SourceRange }
  | { readonly kind: 'nonconformity'; readonly id: string; readonly range: SourceRange };

const inside = (range: SourceRange, offset: number): boolean => range.start.offset <= offset && offset <= range.end.offset;

/** The clause id, document id or evidence path at `offset`, in the frontmatter or (clause ids) in the text. */
export function targetAt(document: SmsDocument, text: string, lines: LineIndex, catalog: ClauseCatalog, offset: number): Target | undefined {
  for (const claim of document.clauses) if (inside(claim.range, offset)) return { kind: 'clause', clause: claim.clause, range: claim.range };
  for (const link of document.evidence) {
    if (link.clause && inside(link.clause.range, offset)) return { kind: 'clause', clause: link.clause.value, range: link.clause.range };
    if (link.path && inside(link.path.range, offset)) {
      const location = resolveEvidencePath(document.path, link.path.value);
      return { kind: 'evidence-path', path: link.path.value, resolved: location.kind === 'inside' ? location.path : undefined, range: link.path.range };
    }
  }
  for (const reference of document.related)
    if (inside(reference.range, offset)) return { kind: 'document-id', id: reference.value, range: reference.range, own: false };
  for (const finding of document.findings ?? []) {
    if (finding.id && inside(finding.id.range, offset)) return { kind: 'nonconformity', id: finding.id.value, range: finding.id.range };
    if (finding.clause && inside(finding.clause.range, offset)) return { kind: 'clause', clause: finding.clause.value, range: finding.clause.range };
  }
  if (document.id && inside(document.id.range, offset)) return { kind: 'document-id', id: document.id.value, range: document.id.range, own: true };
  return clauseInText(text, lines, catalog, offset);
}

// A clause number written in prose: digits separated by dots, not part of a longer number or version.
const CLAUSE_IN_TEXT = /(?<![\w.])\d+(?:\.\d+)+(?![\w]|\.\d)/g;

function clauseInText(text: string, lines: LineIndex, catalog: ClauseCatalog, offset: number): Target | undefined {
  const lineRange = lines.lineRange(lines.positionAt(offset).line);
  const lineText = text.slice(lineRange.start.offset, lineRange.end.offset);
  for (const match of lineText.matchAll(CLAUSE_IN_TEXT)) {
    const start = lineRange.start.offset + (match.index ?? 0);
    const end = start + match[0].length;
    if (start <= offset && offset <= end && catalog.has(match[0])) return { kind: 'clause', clause: match[0], range: lines.range(start, end) };
  }
  return undefined;
}
