import { posix } from 'node:path';
import { FieldNames } from '../document/fieldNames.js';
import { findFrontmatter, type OpeningFence } from '../document/frontmatterBlock.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { SourceRange } from '../text/sourceRange.js';

import { AUDIT_KINDS, FINDING_GRADES, FINDING_STATUSES } from '../model/smsDocument.js';

export type CompletionKind = 'clause' | 'document-id' | 'evidence-path' | 'type' | 'status' | 'audit-kind' | 'finding-grade' | 'finding-status';

/** The values of the certification-cycle fields a completion offers. */
export const CYCLE_VALUES: Readonly<Record<'audit-kind' | 'finding-grade' | 'finding-status', readonly string[]>> = {
  'audit-kind': AUDIT_KINDS,
  'finding-grade': FINDING_GRADES,
  'finding-status': FINDING_STATUSES,
};

/** What may be typed at the cursor in frontmatter, and the partial token a completion replaces. */
export interface CompletionContext {
  readonly kind: CompletionKind;
  readonly replace: SourceRange;
  readonly prefix: string;
}

const TOKEN: Record<CompletionKind, RegExp> = {
  clause: /[A-Za-z0-9.]*$/,
  'document-id': /[A-Za-z0-9._:/-]*$/,
  'evidence-path': /[^\s'"]*$/,
  type: /[a-z]*$/,
  status: /[a-z]*$/,
  'audit-kind': /[a-z0-9]*$/,
  'finding-grade': /[a-z]*$/,
  'finding-status': /[a-z]*$/,
};

/** How the repository writes its headers (clausemark.json `fields` and `frontmatter`). */
export interface HeaderFormat {
  readonly fieldNames: FieldNames;
  readonly openingFence: OpeningFence;
}

/** Decides from the text around the cursor (it may be mid-edit and not parse) what to complete. */
export function completionContextAt(text: string, lines: LineIndex, offset: number, format?: HeaderFormat): CompletionContext | undefined {
  const block = findFrontmatter(text, format?.openingFence);
  if (!block || offset < block.yamlStart || offset > block.yamlEnd || (block.openingFence && offset === block.yamlStart)) return undefined;
  const position = lines.positionAt(offset);
  const lineStart = offset - (position.column - 1);
  const names = format?.fieldNames ?? FieldNames.DEFAULT;
  // A key `fields` maps is completed as the field it is read as (`satisfies: [` as `clauses: [`); a key it maps away is not read.
  const before = text.slice(lineStart, offset).replace(/^([A-Za-z_][\w.-]*)(?=[ \t]*:)/, (key) => fieldRead(key, names));
  const kind = kindFor(before, text, lineStart, block.yamlStart, names);
  if (!kind) return undefined;
  const prefix = TOKEN[kind].exec(before)?.[0] ?? '';
  return { kind, prefix, replace: lines.range(offset - prefix.length, offset + tokenAfter(text, offset, kind)) };
}

function kindFor(before: string, text: string, lineStart: number, yamlStart: number, names: FieldNames): CompletionKind | undefined {
  let match = /^(type|status):\s*[a-z]*$/.exec(before);
  if (match) return match[1] as 'type' | 'status';
  match = /^(clauses|related):\s*\[[^\]]*$/.exec(before);
  if (match) return match[1] === 'clauses' ? 'clause' : 'document-id';
  const written = parentKey(text, lineStart, yamlStart);
  const parent = written === undefined ? undefined : fieldRead(written, names);
  if (parent === 'audit' && /^\s+kind:\s*[a-z0-9]*$/.test(before)) return 'audit-kind';
  match = /^\s+(?:-\s*)?(grade|status):\s*[a-z]*$/.exec(before);
  if (parent === 'findings' && match) return match[1] === 'grade' ? 'finding-grade' : 'finding-status';
  if (/^\s*-\s*(?:clause:\s*)?[A-Za-z0-9.]*$/.test(before) || /^\s+clause:\s*[A-Za-z0-9.]*$/.test(before)) {
    if (parent === 'clauses') return 'clause';
    if (parent === 'related' && /^\s*-\s*[A-Za-z0-9._:/-]*$/.test(before)) return 'document-id';
    if (parent === 'evidence' && /clause:/.test(before)) return 'clause';
  }
  if (parent === 'related' && /^\s*-\s*[A-Za-z0-9._:/-]*$/.test(before)) return 'document-id';
  if (parent === 'evidence' && /^\s*(?:-\s*)?path:\s*[^\s'"]*$/.test(before)) return 'evidence-path';
  return undefined;
}

function fieldRead(key: string, names: FieldNames): string {
  return names.fieldOf(key) ?? (names.mappedAway(key) ? '' : key);
}

/** The nearest top-level key above the line (`clauses`, `evidence`, …). */
function parentKey(text: string, lineStart: number, yamlStart: number): string | undefined {
  let end = lineStart - 1;
  while (end > yamlStart) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    const key = /^([A-Za-z_][\w.-]*):/.exec(line);
    if (key) return key[1];
    end = start - 1;
  }
  return undefined;
}

function tokenAfter(text: string, offset: number, kind: CompletionKind): number {
  const rest = /^[^\s,\]'"]*/.exec(text.slice(offset, offset + 200))?.[0] ?? '';
  return kind === 'evidence-path' ? rest.length : (/^[A-Za-z0-9._:/-]*/.exec(rest)?.[0].length ?? 0);
}

/** How a document refers to another file in `evidence: path:` (relative to the document, with `/`). */
export function relativeEvidencePath(fromDocument: string, target: string): string {
  const relative = posix.relative(posix.dirname(fromDocument), target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}
