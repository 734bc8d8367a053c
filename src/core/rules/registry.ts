import fileUnreadable from './file/unreadable.js';
import frontmatterMissing from './frontmatter/missing.js';
import frontmatterInvalidYaml from './frontmatter/invalid-yaml.js';
import frontmatterDuplicateKey from './frontmatter/duplicate-key.js';
import frontmatterMissingField from './frontmatter/missing-field.js';
import frontmatterInvalidField from './frontmatter/invalid-field.js';
import frontmatterTooLarge from './frontmatter/too-large.js';
import frontmatterUnknownField from './frontmatter/unknown-field.js';
import controlMissingField from './control/missing-field.js';
import controlMissingApproval from './control/missing-approval.js';
import controlMissingReviewDate from './control/missing-review-date.js';
import controlReviewOverdue from './control/review-overdue.js';
import controlReviewDueSoon from './control/review-due-soon.js';
import controlRetiredClaimsClauses from './control/retired-claims-clauses.js';
import clauseUnknown from './clause/unknown.js';
import clauseNotLeaf from './clause/not-leaf.js';
import clauseDuplicate from './clause/duplicate.js';
import clauseUnknownSection from './clause/unknown-section.js';
import evidenceMissingFile from './evidence/missing-file.js';
import evidenceOutsideRepository from './evidence/outside-repository.js';
import evidenceUnsafeUrl from './evidence/unsafe-url.js';
import evidenceInvalid from './evidence/invalid.js';
import evidenceStale from './evidence/stale.js';
import evidenceUndated from './evidence/undated.js';
import evidenceClauseNotClaimed from './evidence/clause-not-claimed.js';
import traceDuplicateId from './trace/duplicate-id.js';
import traceUnknownRelated from './trace/unknown-related.js';
import traceNoClauses from './trace/no-clauses.js';
import coverageUncoveredClause from './coverage/uncovered-clause.js';
import coveragePartialClause from './coverage/partial-clause.js';
import coverageMissingDocumentType from './coverage/missing-document-type.js';
import coverageMissingRecords from './coverage/missing-records.js';
import coverageAtRiskClause from './coverage/at-risk-clause.js';
import coverageExclusionNotAllowed from './coverage/exclusion-not-allowed.js';
import applicabilityMissingJustification from './applicability/missing-justification.js';
import diagramInvalidMermaid from './diagram/invalid-mermaid.js';
import diagramTooComplex from './diagram/too-complex.js';
import changeVersionNotBumped from './change/version-not-bumped.js';
import changeApprovalNotRenewed from './change/approval-not-renewed.js';
import changeLastCoverageRemoved from './change/last-coverage-removed.js';
import changeSuspectLink from './change/suspect-link.js';
import auditClauseNotAudited from './audit/clause-not-audited.js';
import auditAuditorNotIndependent from './audit/auditor-not-independent.js';
import ncOverdue from './nc/overdue.js';
import ncClosedWithoutVerification from './nc/closed-without-verification.js';
import ncOpenBeforeAudit from './nc/open-before-audit.js';
import ncInvalid from './nc/invalid.js';
import reviewManagementReviewOverdue from './review/management-review-overdue.js';
import cycleAuditOverdue from './cycle/audit-overdue.js';
import configUnknownRule from './config/unknown-rule.js';
import internalRuleFailed from './internal/rule-failed.js';

/**
 * Every rule, in the order the README lists them. The index runs whatever is here: adding a rule is adding its
 * file to this list (and its fixtures under test/fixtures/rules/<id>/).
 */
export const RULES = [
  fileUnreadable,
  frontmatterMissing,
  frontmatterInvalidYaml,
  frontmatterDuplicateKey,
  frontmatterMissingField,
  frontmatterInvalidField,
  frontmatterTooLarge,
  frontmatterUnknownField,
  controlMissingField,
  controlMissingApproval,
  controlMissingReviewDate,
  controlReviewOverdue,
  controlReviewDueSoon,
  controlRetiredClaimsClauses,
  clauseUnknown,
  clauseNotLeaf,
  clauseDuplicate,
  clauseUnknownSection,
  evidenceMissingFile,
  evidenceOutsideRepository,
  evidenceUnsafeUrl,
  evidenceInvalid,
  evidenceStale,
  evidenceUndated,
  evidenceClauseNotClaimed,
  traceDuplicateId,
  traceUnknownRelated,
  traceNoClauses,
  coverageUncoveredClause,
  coveragePartialClause,
  coverageMissingDocumentType,
  coverageMissingRecords,
  coverageAtRiskClause,
  coverageExclusionNotAllowed,
  applicabilityMissingJustification,
  diagramInvalidMermaid,
  diagramTooComplex,
  changeVersionNotBumped,
  changeApprovalNotRenewed,
  changeLastCoverageRemoved,
  changeSuspectLink,
  auditClauseNotAudited,
  auditAuditorNotIndependent,
  ncOverdue,
  ncClosedWithoutVerification,
  ncOpenBeforeAudit,
  ncInvalid,
  reviewManagementReviewOverdue,
  cycleAuditOverdue,
  configUnknownRule,
  internalRuleFailed,
] as const;

/** The id of a rule of the registry; a `switch` over it is checked for exhaustiveness. */
export type RuleId = (typeof RULES)[number]['id'];
