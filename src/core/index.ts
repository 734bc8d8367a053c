// The public entry point of Clausemark's core (the package's `exports`): what the CLI, the editor and other
// tools build on. Code inside src/core imports modules directly; code outside it imports from here.

export { buildAuditPack } from './audit/auditPack.js';
export { PAGE_BOXES_STYLE_ID, renderBookHtml, revisionText } from './book/bookHtml.js';
export { buildDocumentBook, type DocumentBook } from './book/documentBook.js';
export { ClauseCatalog } from './catalog/clauseCatalog.js';
export { importCatalog, MAX_IMPORT_BYTES, type ImportFormat } from './catalog/importCatalog.js';
export { parseCatalog } from './catalog/loadCatalog.js';
export { checkChange } from './change/checkChange.js';
export { type ChangeReview } from './change/reviewChange.js';
export { reviewForCatalog } from './change/reviewForCatalog.js';
export { checkRepository, type CheckResult } from './check.js';
export { CACHE_FOLDER, type ClausemarkConfig, CONFIG_FILE_NAME, DEFAULT_CONFIG } from './config/clausemarkConfig.js';
export { findGitRoot, loadProject, type Project, type SetupProblem, toPosix } from './config/loadProject.js';
export { type CatalogCoverage, pickCatalogs, shownForCatalog } from './coverage/catalogCoverage.js';
export { type ClauseCoverage, type CoverageReport, type CoverageSummary } from './coverage/coverageReport.js';
export { statementOfApplicability } from './coverage/statementOfApplicability.js';
export { assessReadiness, type ReadinessTarget, resolveTarget } from './cycle/readiness.js';
export { compactHeap } from './memory/compactHeap.js';
export { mermaidWorkerPool } from './diagrams/mermaidWorkerPool.js';
export { describeHead } from './git/gitRevision.js';
export { FileDocumentCache } from './index/fileDocumentCache.js';
export { readSignedCache, writeSignedCache } from './index/signedCacheFile.js';
export { type IndexOptions, WorkspaceIndex } from './index/workspaceIndex.js';
export { parseIsoDate } from './model/dates.js';
export { type Finding } from './model/finding.js';
export { isAtLeast, type Severity } from './model/severity.js';
export { type SmsDocument } from './model/smsDocument.js';
export { renderAuditHtml } from './reports/auditHtml.js';
export { renderAuditMarkdown } from './reports/auditMarkdown.js';
export { renderChangeGithub } from './reports/changeGithub.js';
export { buildChangeJson } from './reports/changeJson.js';
export { renderChangeMarkdown } from './reports/changeMarkdown.js';
export { changeSummaryText } from './reports/changeText.js';
export { escapeHtml } from './reports/coverageHtml.js';
export {
  buildJsonReport,
  renderCoverageCsv,
  renderCoverageHtml,
  renderCoverageJson,
  renderCoverageMarkdown,
  renderGithub,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderText,
  type ReportInput,
} from './reports/index.js';
export { renderSoaCsv, renderSoaJson, renderSoaMarkdown } from './reports/soaReport.js';
export { renderReadinessHtml, renderReadinessJson, renderReadinessMarkdown, renderReadinessText } from './reports/readinessReport.js';
export { workbookOfCheck } from './reports/workbookRows.js';
export { renderXlsx } from './reports/xlsxWorkbook.js';
export { type RuleId, RULES } from './rules/registry.js';
export { defineRule, type Rule } from './rules/rule.js';
export { findRule, type RuleDefinition, ruleDocsUrl } from './rules/ruleDefinitions.js';
export { neutraliseForTerminal } from './text/controlCharacters.js';
export { decodeText } from './workspace/decodeText.js';
export { type WorkspaceFileSystem } from './workspace/fileSystem.js';
export { nodeFileSystem } from './workspace/nodeFileSystem.js';
export { UnsafePathError, writeFileSafely } from './workspace/safeFiles.js';

// For the language server and editors.
export { documentReadOptions } from './config/documentFormat.js';
export { certificationOfIndex } from './certificationOfIndex.js';
export type { CertificationSummary } from './cycle/certificationSummary.js';
export type { ConfigFile } from './config/clausemarkConfig.js';
export type { FindingData, RelatedLocation } from './model/finding.js';
export type { SourceRange } from './text/sourceRange.js';
export { ProjectSession, DEBOUNCE_MS, type SessionChange, type ProjectSessionOptions } from './session/projectSession.js';
export { checkStandaloneDocument } from './checkStandalone.js';
export type { Clause } from './catalog/clauseCatalog.js';
export { formatPercent } from './coverage/coverageText.js';
export { catalogStatusBarContent, clauseTooltip, documentDescription, groupStatus, isSoundApproval } from './coverage/editorCoverage.js';
export type { DiagramValidator } from './diagrams/diagramValidator.js';
export { type DiagramValidatorPool } from './diagrams/mermaidWorkerPool.js';
export { isoDay } from './model/dates.js';
export { readSmsDocument, type ReadResult } from './document/readSmsDocument.js';
export type { ReadProblem } from './document/readProblem.js';
export { readFindings } from './rules/readFindings.js';
export { completionContextAt, CYCLE_VALUES, relativeEvidencePath } from './language/completion.js';
export { documentSummary } from './language/documentSummary.js';
export { clauseHover, documentHover, nonconformityHover } from './language/hover.js';
export { clauseHoverWithCounterparts } from './language/clauseCounterparts.js';
export { targetAt, type Target } from './language/locate.js';
export { clauseReferences, definitionsOf, documentLinks, documentReferences, type Place } from './language/navigation.js';
export { quickFixesFor } from './language/quickFixes.js';
export { DOCUMENT_STATUSES, DOCUMENT_TYPES, type DocumentType } from './model/documentTypes.js';
export { mermaidFlowchart } from './traceability/mermaidFlowchart.js';
export { traceabilityGraph, type TraceScope } from './traceability/traceabilityGraph.js';
