import type { SourceRange } from '../text/sourceRange.js';
import type { RuleId } from '../rules/registry.js';
import type { Severity } from './severity.js';

/** Another place involved in a finding: the first of two duplicate ids, the clause a claim refers to. */
export interface RelatedLocation {
  /** Path relative to the repository root, with forward slashes. */
  readonly file: string;
  readonly range?: SourceRange;
  readonly message: string;
}

/** Facts an editor needs to offer a fix, without re-deriving them from the message. */
export interface FindingData {
  readonly suggestions?: readonly string[];
  readonly clause?: string;
  /** The catalog alias a coverage finding is about, when the project has several catalogs. */
  readonly catalog?: string;
  readonly field?: string;
  readonly documentId?: string;
  readonly evidencePath?: string;
}

/** One problem found by a rule. */
export interface Finding {
  /** One of the registry's rule ids: a `switch` over it is checked. */
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** Path relative to the repository root, with forward slashes; `.` for the repository itself. */
  readonly file: string;
  /** Absent only for findings about the repository as a whole when it has no config file. */
  readonly range?: SourceRange;
  readonly related?: readonly RelatedLocation[];
  readonly data?: FindingData;
}

/** Stable order: by file, then position, then rule id, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const aOffset = a.range?.start.offset ?? -1;
  const bOffset = b.range?.start.offset ?? -1;
  if (aOffset !== bOffset) return aOffset - bOffset;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
