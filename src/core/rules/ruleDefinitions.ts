import type { Severity } from '../model/severity.js';

/** What users configure and read about a rule; the checks that report under it live elsewhere. */
export interface RuleDefinition {
  /** Stable id, `group.name`; never renamed once released. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in `clausemark rules`, SARIF rule metadata and hovers. */
  readonly description: string;
  /**
   * Whether the rule looks at one document (`document`), across the repository (`repository`), or at a change
   * against its base revision (`change`, only with `clausemark check --base`).
   */
  readonly scope: 'document' | 'repository' | 'change';
}

export const DOCS_BASE_URL = 'https://github.com/clausemark/clausemark/blob/main/README.md';

const definitions = [
  // Reading files and frontmatter
  { id: 'file.unreadable', defaultSeverity: 'error', scope: 'document', description: 'A Markdown file could not be read as text: missing, not permitted, binary, larger than the size limit, or named with bytes that are not UTF-8.' },
  { id: 'frontmatter.missing', defaultSeverity: 'error', scope: 'document', description: 'A Markdown file in an SMS folder has no YAML frontmatter.' },
  { id: 'frontmatter.invalid-yaml', defaultSeverity: 'error', scope: 'document', description: 'The frontmatter is not valid YAML, is not a mapping, or is not closed.' },
  { id: 'frontmatter.duplicate-key', defaultSeverity: 'error', scope: 'document', description: 'A frontmatter key appears twice; YAML readers disagree on which one wins.' },
  { id: 'frontmatter.missing-field', defaultSeverity: 'error', scope: 'document', description: 'A field every SMS document needs (`id`, `title`, `type`) is missing.' },
  { id: 'frontmatter.invalid-field', defaultSeverity: 'error', scope: 'document', description: 'A frontmatter field has the wrong type, an unknown value or a malformed date.' },
  { id: 'frontmatter.too-large', defaultSeverity: 'error', scope: 'document', description: 'The frontmatter, or one of its lists, is larger than Clausemark reads; what lies past the limit is not checked.' },
  { id: 'frontmatter.unknown-field', defaultSeverity: 'info', scope: 'document', description: 'A frontmatter field is not part of the document format (often a typo).' },
  // Document control (ISO/IEC 20000-1 7.5.2, 7.5.3)
  { id: 'control.missing-field', defaultSeverity: 'warning', scope: 'document', description: 'A document-control field (`owner`, `version`, `status`) is missing.' },
  { id: 'control.missing-approval', defaultSeverity: 'error', scope: 'document', description: 'An approved document does not say who approved it (`approved_by`) or when (`approved_on`).' },
  { id: 'control.missing-review-date', defaultSeverity: 'warning', scope: 'document', description: 'An approved document has no `next_review` date.' },
  { id: 'control.review-overdue', defaultSeverity: 'error', scope: 'document', description: 'The document\'s `next_review` date has passed.' },
  { id: 'control.review-due-soon', defaultSeverity: 'warning', scope: 'document', description: 'The document\'s `next_review` date falls within the warning window.' },
  { id: 'control.retired-claims-clauses', defaultSeverity: 'info', scope: 'document', description: 'A retired document still lists clauses; it no longer counts towards coverage.' },
  // Clause claims
  { id: 'clause.unknown', defaultSeverity: 'error', scope: 'document', description: 'A claimed clause id is not in the catalog.' },
  { id: 'clause.not-leaf', defaultSeverity: 'warning', scope: 'document', description: 'A parent clause is claimed where the leaf clauses it groups are expected.' },
  { id: 'clause.duplicate', defaultSeverity: 'warning', scope: 'document', description: 'The same clause is listed twice in one document.' },
  { id: 'clause.unknown-section', defaultSeverity: 'warning', scope: 'document', description: 'A clause claim names a `section` that matches no heading of the document.' },
  // Evidence
  { id: 'evidence.missing-file', defaultSeverity: 'error', scope: 'repository', description: 'An evidence `path` points to a file that does not exist, or to a folder.' },
  { id: 'evidence.outside-repository', defaultSeverity: 'error', scope: 'document', description: 'An evidence `path` points outside the repository.' },
  { id: 'evidence.unsafe-url', defaultSeverity: 'error', scope: 'document', description: 'An evidence `url` is not an http or https address.' },
  { id: 'evidence.invalid', defaultSeverity: 'error', scope: 'document', description: 'An evidence entry has neither `path` nor `url`, or both.' },
  { id: 'evidence.stale', defaultSeverity: 'warning', scope: 'repository', description: 'Evidence is older than the configured maximum age.' },
  { id: 'evidence.undated', defaultSeverity: 'info', scope: 'repository', description: 'Evidence has no date, so its age cannot be judged.' },
  { id: 'evidence.clause-not-claimed', defaultSeverity: 'warning', scope: 'document', description: 'Evidence names a clause that the document does not claim.' },
  // Traceability
  { id: 'trace.duplicate-id', defaultSeverity: 'error', scope: 'repository', description: 'Two documents share one id.' },
  { id: 'trace.unknown-related', defaultSeverity: 'error', scope: 'repository', description: 'A `related` id matches no document.' },
  { id: 'trace.no-clauses', defaultSeverity: 'warning', scope: 'document', description: 'A document claims no clause, so nothing traces to it.' },
  // Coverage (ISO/IEC 20000-1 clauses 4 to 10)
  // One rule per clause state: an uncovered clause is reported by `uncovered-clause`, a partial one by `partial-clause`,
  // `missing-document-type` or `missing-records` (one per gap), an at-risk one by `at-risk-clause`.
  { id: 'coverage.uncovered-clause', defaultSeverity: 'warning', scope: 'repository', description: 'No document addresses a leaf clause (state `uncovered`).' },
  { id: 'coverage.partial-clause', defaultSeverity: 'warning', scope: 'repository', description: 'A leaf clause is addressed only by documents that are not approved (drafts, documents in review; state `partial`).' },
  { id: 'coverage.missing-document-type', defaultSeverity: 'warning', scope: 'repository', description: 'A clause is addressed, but not by an approved document of the type it calls for (a policy, a plan, an agreement…; state `partial`).' },
  { id: 'coverage.missing-records', defaultSeverity: 'warning', scope: 'repository', description: 'A clause calls for records, but no evidence at all is linked to it (state `partial`).' },
  { id: 'coverage.at-risk-clause', defaultSeverity: 'warning', scope: 'repository', description: 'A clause has everything it needs, but some of it has a defect: an approval that is incomplete or not yet in force, an overdue review, or evidence that is missing, stale or invalid (state `at-risk`).' },
  { id: 'coverage.exclusion-not-allowed', defaultSeverity: 'error', scope: 'repository', description: 'The configuration excludes a clause, but the catalog allows no exclusions.' },
  { id: 'applicability.missing-justification', defaultSeverity: 'error', scope: 'repository', description: 'A control is declared not applicable under `applicability` without a justification.' },
  // Diagrams in document bodies
  { id: 'diagram.invalid-mermaid', defaultSeverity: 'warning', scope: 'document', description: 'A ```mermaid block does not parse, so it will not render in previews, on GitHub or in reports.' },
  { id: 'diagram.too-complex', defaultSeverity: 'warning', scope: 'document', description: 'A ```mermaid block is too large or too slow to parse (over 50,000 characters or 2 s), so it was not checked.' },
  // A change against its base revision (`clausemark check --base`; ISO/IEC 20000-1 7.5.3 control of changes)
  { id: 'change.version-not-bumped', defaultSeverity: 'warning', scope: 'change', description: 'A document\'s body or clauses changed, but its `version` did not.' },
  { id: 'change.approval-not-renewed', defaultSeverity: 'warning', scope: 'change', description: 'An approved document was edited and is still approved, with the old `approved_by` and `approved_on`.' },
  { id: 'change.last-coverage-removed', defaultSeverity: 'error', scope: 'change', description: 'A clause lost the only documents that addressed it: they were retired, deleted or stopped claiming it.' },
  { id: 'change.suspect-link', defaultSeverity: 'info', scope: 'change', description: 'A document relies on a document or evidence file this change modified; review it again.' },
  // The certification cycle: internal audits (9.2), management reviews (9.3), nonconformities (10.1), external audits
  { id: 'audit.clause-not-audited', defaultSeverity: 'warning', scope: 'repository', description: 'A leaf clause was in no internal audit\'s `scope` within the last `internalAuditMonths` (with a `certification` block).' },
  { id: 'audit.auditor-not-independent', defaultSeverity: 'warning', scope: 'repository', description: 'The auditor of an internal audit owns a document whose clauses are in that audit\'s scope.' },
  { id: 'nc.overdue', defaultSeverity: 'error', scope: 'document', description: 'An open major or minor nonconformity is past its `due` date.' },
  { id: 'nc.closed-without-verification', defaultSeverity: 'warning', scope: 'document', description: 'A closed major or minor nonconformity has no `verified_on`: nobody checked that its action worked.' },
  { id: 'nc.open-before-audit', defaultSeverity: 'error', scope: 'document', description: 'An open major nonconformity, with an external audit due within `reviewWarningDays`.' },
  { id: 'nc.invalid', defaultSeverity: 'error', scope: 'document', description: 'An audit finding has no id, an id used twice, an unknown `grade`, `status` or clause, a malformed date, no `due` on a major or minor one, or no `closed_on` once closed.' },
  { id: 'review.management-review-overdue', defaultSeverity: 'error', scope: 'repository', description: 'No management review within `managementReviewMonths` (with a `certification` block).' },
  { id: 'cycle.audit-overdue', defaultSeverity: 'warning', scope: 'repository', description: 'A planned external audit\'s date has passed with no audit report of that kind dated on or after it.' },
  // Configuration and the tool itself
  { id: 'config.unknown-rule', defaultSeverity: 'warning', scope: 'repository', description: 'The configuration sets the severity of a rule that does not exist.' },
  { id: 'internal.rule-failed', defaultSeverity: 'error', scope: 'document', description: 'A check failed unexpectedly on this document; the other checks still ran. Please report it.' },
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof definitions)[number]['id'];

export const RULES: readonly RuleDefinition[] = definitions;

const byId = new Map<string, RuleDefinition>(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

/** The GitHub heading anchor of the rule's README section (`### \`clause.unknown\`` → `#clauseunknown`). */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}#${id.replace(/[^a-z0-9-]/g, '')}`;
}
