import type { CatalogSet } from '../catalog/catalogSet.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { SuggestionBudget } from '../catalog/suggestionBudget.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { ConfigProblem } from '../config/configProblem.js';
import type { ClauseCoverage } from '../coverage/coverageReport.js';
import type { CycleState } from '../cycle/cycleState.js';
import type { ReadProblem } from '../document/readProblem.js';
import type { FindingData, RelatedLocation } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { RepositoryView } from './repositoryView.js';

/** Reports one finding of the rule being run, on the file the check is about. */
export type Report = (range: SourceRange | undefined, message: string, extras?: { related?: readonly RelatedLocation[]; data?: FindingData }) => void;

interface CheckContext {
  /** The catalog checked against: the primary one, or (for a clause) the catalog the clause belongs to. */
  readonly catalog: ClauseCatalog;
  /** Every catalog of the project under its alias, the primary first (the primary alone with one catalog). */
  readonly catalogs: CatalogSet;
  readonly config: ClausemarkConfig;
  /** `YYYY-MM-DD` */
  readonly today: string;
  readonly report: Report;
}

/** One document on its own; what it reports is kept per document and day. */
export interface DocumentContext extends CheckContext {
  readonly document: SmsDocument;
  /** Pays for "did you mean" suggestions; one per document, shared by its checks. */
  readonly suggestions: SuggestionBudget;
  /** The next planned external audit (with a `certification` block), as of today. */
  readonly nextExternalAudit: { readonly kind: string; readonly date: string } | undefined;
}

/** One document against the rest of the repository (ids, evidence on disk, the certification cycle). */
export interface CrossDocumentContext extends CheckContext {
  readonly document: SmsDocument;
  readonly repository: RepositoryView;
  /** The run's budget for this file's suggestions. */
  readonly suggestions: SuggestionBudget;
  /** The certification cycle; computed on first use, so ask only when the document can need it. */
  readonly cycle: () => CycleState;
}

/** One leaf clause's coverage; findings go on the repository file and are kept while the clause's coverage is unchanged. */
export interface ClauseContext extends CheckContext {
  readonly clause: ClauseCoverage;
  /** Where repository findings sit in the config file (its `catalog` key), if there is one. */
  readonly anchor: SourceRange | undefined;
}

/** The repository as a whole; findings go on the config file. */
export interface RepositoryContext extends CheckContext {
  /** Where repository findings sit when nothing more precise is known (the config's `catalog` key). */
  readonly anchor: SourceRange | undefined;
  /** The range of a setting in the config file. */
  readonly locateSetting: (path: (string | number)[], part?: 'key' | 'value') => SourceRange | undefined;
  /** The id of every rule being run or turned off: what a setting in `rules` may name. */
  readonly ruleIds: readonly string[];
  readonly cycle: () => CycleState;
}

/** One problem the file's reader recorded (src/core/document/readProblem.ts), for its rule to word. */
export interface ReadProblemContext<Problem> {
  readonly problem: Problem;
  readonly file: string;
  readonly lines: LineIndex;
  /** The document, when the file could be read as one (a diagram problem points into it). */
  readonly document: SmsDocument | undefined;
  readonly report: Report;
}

/** One problem the config loader recorded (src/core/config/configProblem.ts), for its rule to word; on the config file. */
export interface ConfigProblemContext<Problem> {
  readonly problem: Problem;
  readonly catalogs: CatalogSet;
  readonly report: Report;
}

/** The read problems a rule words: those named by its id. */
type ProblemOf<Id extends string> = Extract<ReadProblem, { readonly rule: Id }>;
/** The config problems a rule words: those named by its id. */
type ConfigProblemOf<Id extends string> = Extract<ConfigProblem, { readonly rule: Id }>;

/**
 * A rule: what users configure and read about it, and its check. A rule has one or more `check…` hooks; a rule
 * without any is reported by the change check (its file says where).
 */
export interface Rule<Id extends string = string> {
  /** Stable id, `group.name`; never renamed once released. The rule's file is `rules/group/name.ts`. */
  readonly id: Id;
  readonly defaultSeverity: Severity;
  /**
   * Whether the rule looks at one document (`document`), across the repository (`repository`), or at a change
   * against its base revision (`change`, only with `clausemark check --base`).
   */
  readonly scope: 'document' | 'repository' | 'change';
  /** One line, shown in `clausemark rules`, SARIF rule metadata, hovers and the README's rule table. */
  readonly description: string;
  /** Markdown for the README's section on the rule: what it finds, why it matters, how to fix it. */
  readonly documentation: string;
  // Function-valued fields, not methods: a check uses no `this`, and may be passed around on its own.
  readonly checkDocument?: (context: DocumentContext) => void;
  readonly checkAcrossDocuments?: (context: CrossDocumentContext) => void;
  readonly checkClause?: (context: ClauseContext) => void;
  readonly checkRepository?: (context: RepositoryContext) => void;
  /**
   * Words a problem found while the file was read (its YAML, its bytes, its diagrams), in the order found. Only
   * problems naming the rule's id reach it; `defineRule` types them (here the type must not depend on the id,
   * so that a rule is a `Rule` of any id).
   */
  readonly checkReadProblem?: (context: ReadProblemContext<never>) => void;
  /** Words a problem found while the configuration was loaded (typed by `defineRule` as `checkReadProblem` is). */
  readonly checkConfigProblem?: (context: ConfigProblemContext<never>) => void;
}

/** A rule as declared: its `checkReadProblem` and `checkConfigProblem` are given the problems its id names. */
type RuleDeclaration<Id extends string> = Omit<Rule<Id>, 'checkReadProblem' | 'checkConfigProblem'> & {
  readonly checkReadProblem?: (context: ReadProblemContext<ProblemOf<Id>>) => void;
  readonly checkConfigProblem?: (context: ConfigProblemContext<ConfigProblemOf<Id>>) => void;
};

/** Declares a rule; keeps its id as a literal type, so the registry yields the union of rule ids. */
export function defineRule<const Id extends string>(rule: RuleDeclaration<Id>): Rule<Id> {
  return rule;
}

/** The range to point at when a field is absent: the `id` key, else the `title` key, else the opening fence. */
export function anchorRange(document: SmsDocument): SourceRange {
  return (
    document.fields.get('id')?.keyRange ??
    document.fields.get('title')?.keyRange ?? {
      start: document.frontmatterRange.start,
      end: { line: 1, column: 4, offset: 3 },
    }
  );
}
