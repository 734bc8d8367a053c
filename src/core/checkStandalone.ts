import { basename, dirname } from 'node:path';
import { builtinCatalog } from './catalog/loadCatalog.js';
import { DEFAULT_CONFIG } from './config/clausemarkConfig.js';
import type { DiagramValidator } from './diagrams/diagramValidator.js';
import { WorkspaceIndex } from './index/workspaceIndex.js';
import type { Finding } from './model/finding.js';
import { findRule } from './rules/ruleDefinitions.js';
import type { WorkspaceFileSystem } from './workspace/fileSystem.js';

/**
 * Checks one Markdown file on its own (an editor with no folder open): the single-document rules only,
 * against the built-in catalog and default settings, since there is no repository to trace across.
 */
export async function checkStandaloneDocument(
  fileName: string,
  text: string,
  options: { now?: () => Date; validateDiagram?: DiagramValidator } = {},
): Promise<Finding[]> {
  const catalog = builtinCatalog(DEFAULT_CONFIG.catalog);
  if (!catalog) return [];
  const name = basename(fileName);
  // Nothing else exists: the index sees only this file, so no cross-document rule has anything to say.
  const noDisk: WorkspaceFileSystem = {
    readFile: async () => new TextEncoder().encode(text),
    stat: async () => undefined,
    realpath: async () => undefined,
    findFiles: async () => [],
  };
  const index = new WorkspaceIndex({
    project: {
      root: dirname(fileName),
      configFile: undefined,
      config: { ...DEFAULT_CONFIG, smsFolders: [] },
      catalog,
      locateSetting: () => undefined,
      problems: [],
    },
    fs: noDisk,
    ...(options.now ? { now: options.now } : {}),
    ...(options.validateDiagram ? { validateDiagram: options.validateDiagram } : {}),
  });
  await index.setDocument(name, text);
  return index.findingsFor(name).filter((finding) => findRule(finding.ruleId)?.scope === 'document');
}
