import type { CatalogSet } from '../catalog/catalogSet.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { SuggestionBudget } from '../catalog/suggestionBudget.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { FindingData, RelatedLocation } from '../model/finding.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { RuleId } from './ruleDefinitions.js';

/** What a check of one document may look at, and how it reports. */
export interface DocumentCheckContext {
  readonly document: SmsDocument;
  readonly catalog: ClauseCatalog;
  /** Every catalog of the project under its alias; absent means `catalog` alone. */
  readonly catalogs?: CatalogSet;
  readonly config: ClausemarkConfig;
  /** `YYYY-MM-DD` */
  readonly today: string;
  /** Pays for "did you mean" suggestions; one per document. */
  readonly suggestions: SuggestionBudget;
  report(ruleId: RuleId, range: SourceRange | undefined, message: string, extras?: { related?: readonly RelatedLocation[]; data?: FindingData }): void;
}

/** A group of related checks over one document; skipped when every rule it reports under is off. */
export interface DocumentCheck {
  readonly rules: readonly RuleId[];
  run(context: DocumentCheckContext): void;
}

/** The range to point at when a field is absent: the `id` key, else the opening fence. */
export function anchorRange(document: SmsDocument): SourceRange {
  return document.fields.get('id')?.keyRange ?? document.fields.get('title')?.keyRange ?? {
    start: document.frontmatterRange.start,
    end: { line: 1, column: 4, offset: 3 },
  };
}
