import type { SourceRange } from '../text/sourceRange.js';

/**
 * What loading clausemark.json found wrong that is a finding rather than a setup problem, as plain data: the
 * rule named by `rule` words it (its `checkConfigProblem`), on the config file at `range`.
 */
export type ConfigProblem =
  /** An exclusion (`exclusions`) or `applicability` entry naming no clause of catalog `alias`; no `clause`: the alias is unknown. */
  | { readonly rule: 'clause.unknown'; readonly range: SourceRange | undefined; readonly alias: string; readonly clause?: string }
  | {
      readonly rule: 'coverage.exclusion-not-allowed';
      readonly range: SourceRange | undefined;
      readonly alias: string;
      readonly clause: string;
      readonly setting: Setting;
    }
  | { readonly rule: 'applicability.missing-justification'; readonly range: SourceRange | undefined; readonly alias: string; readonly clause: string };

/** Where the clause is named: an entry of `exclusions`, or of `applicability` (declared not applicable). */
export type Setting = 'exclusions' | 'applicability';
