import type { SourceRange } from '../text/sourceRange.js';

/**
 * What reading a file found wrong, as plain data: the rule named by `rule` words it as a finding (its
 * `checkReadProblem`). Kept with the parse result (and in the parse cache), so it holds no YAML nodes.
 */
export type ReadProblem =
  | { readonly rule: 'file.unreadable'; readonly reason: UnreadableReason }
  | { readonly rule: 'internal.rule-failed'; readonly error: string }
  | { readonly rule: 'frontmatter.missing' }
  | { readonly rule: 'frontmatter.invalid-yaml'; readonly range: SourceRange; readonly yaml: YamlProblem }
  | { readonly rule: 'frontmatter.too-large'; readonly range: SourceRange; readonly length: number; readonly field?: string }
  | { readonly rule: 'frontmatter.duplicate-key'; readonly range: SourceRange; readonly key: string; readonly first?: SourceRange; readonly list?: string }
  | {
      readonly rule: 'frontmatter.unknown-field';
      readonly range: SourceRange;
      readonly key: string;
      /** A top-level key: the keys clausemark.json (`fields`) reads this field from instead, or the nearest read key. */
      readonly mappedTo?: readonly string[];
      readonly suggestion?: string;
      /** A key of a list entry: the list, and the keys its entries have. */
      readonly list?: string;
      readonly known?: readonly string[];
    }
  | {
      readonly rule: 'frontmatter.missing-field';
      readonly range: SourceRange;
      readonly missing: readonly { readonly field: string; readonly keys: readonly string[] }[];
    }
  | { readonly rule: 'frontmatter.invalid-field'; readonly range: SourceRange; readonly field?: string; readonly value: ValueProblem }
  | { readonly rule: 'diagram.too-complex'; readonly diagram: number; readonly message: string }
  | { readonly rule: 'diagram.invalid-mermaid'; readonly diagram: number; readonly problem: { readonly message: string; readonly line?: number } };

export type ReadProblemRule = ReadProblem['rule'];

/** Why a file could not be read as text. */
export type UnreadableReason =
  | { readonly kind: 'bad-name' | 'not-regular' | 'outside' | 'denied' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limitKB: number }
  | { readonly kind: 'failed'; readonly code: string }
  /** The decoder's own reason (binary, not UTF-8, too large once decoded). */
  | { readonly kind: 'undecodable'; readonly reason: string };

/** Why the frontmatter is not YAML Clausemark reads. */
export type YamlProblem =
  | { readonly kind: 'unclosed' | 'too-deep' | 'out-of-stack' | 'not-a-mapping' }
  | { readonly kind: 'language'; readonly language: string }
  /** The first line of the parser's error or warning. */
  | { readonly kind: 'error' | 'warning'; readonly message: string };

/** What a value is expected to be, when it is not. */
export type Expected = 'text' | 'id' | 'version' | 'date' | 'clause' | 'document-id' | 'claim' | { readonly oneOf: readonly string[] };

/** What is wrong with a frontmatter value (`field` on the problem names it). */
export type ValueProblem =
  | { readonly kind: 'key-not-plain'; readonly inEntry: boolean }
  | { readonly kind: 'alias'; readonly list: boolean }
  | { readonly kind: 'wrong-kind'; readonly expected: Expected }
  | { readonly kind: 'id-pattern' | 'not-a-list' | 'single-value' | 'not-a-mapping' | 'not-a-catalog-alias' | 'claim-without-clause' }
  | { readonly kind: 'version-number'; readonly written: string; readonly number: string }
  | { readonly kind: 'unknown-value'; readonly written: string; readonly allowed: readonly string[] }
  | { readonly kind: 'date'; readonly written: string };
