import { DOCS_BASE_URL } from '../rules/ruleDefinitions.js';
import { plural } from './shared.js';

/** The README section that says how a Markdown file becomes an SMS document. */
export const MARKING_DOCUMENTS_URL = `${DOCS_BASE_URL}#which-files-are-sms-documents`;

/**
 * One line for a repository with Markdown but no SMS document recognised (every clause then shows as
 * uncovered, which is true but not the news): say so, and where the README tells how to mark documents.
 */
export function noDocumentsNotice(stats: { readonly files: number; readonly documents: number }): string | undefined {
  if (stats.files === 0 || stats.documents > 0) return undefined;
  return `No SMS document recognised among ${plural(stats.files, 'Markdown file')}: put them under \`smsFolders\` or give them SMS frontmatter, see ${MARKING_DOCUMENTS_URL}`;
}
