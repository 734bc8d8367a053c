// The public entry point of Clausemark's core: what the CLI, the language server and other tools build on.
export { loadProject, type Project, type SetupProblem } from './config/loadProject.js';
export type { ConfigFile } from './config/clausemarkConfig.js';
export { WorkspaceIndex } from './index/workspaceIndex.js';
export type { Finding, FindingData, RelatedLocation } from './model/finding.js';
export type { Severity } from './model/severity.js';
export type { SourceRange } from './text/sourceRange.js';
export type { WorkspaceFileSystem } from './workspace/fileSystem.js';
export { nodeFileSystem } from './workspace/nodeFileSystem.js';
export { ProjectSession, DEBOUNCE_MS, type SessionChange, type ProjectSessionOptions } from './session/projectSession.js';
export { ruleDocsUrl } from './rules/ruleDefinitions.js';
