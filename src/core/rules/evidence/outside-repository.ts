import { resolveEvidencePath } from '../evidencePath.js';
import { evidenceState } from '../repositoryView.js';
import { defineRule } from '../rule.js';
import { truncate } from './truncate.js';

export default defineRule({
  id: 'evidence.outside-repository',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An evidence `path` points outside the repository.',
  documentation: [
    'Absolute paths, paths that climb out of the repository with `..`, and paths that lead out through a symbolic',
    'link are refused: evidence must be part of the SMS. Backslashes are read as separators.',
  ].join('\n'),
  // Paths that leave the repository as written: known from the document alone.
  checkDocument({ document, report }) {
    for (const link of document.evidence) {
      if (!link.path) continue;
      const location = resolveEvidencePath(document.path, link.path.value);
      if (location.kind === 'outside') {
        report(link.path.range, `Evidence \`${truncate(link.path.value)}\` cannot be used: ${location.reason}.`, { data: { evidencePath: link.path.value } });
      }
    }
  },
  // Paths that stay inside as written but leave through a symlink: known only from the disk.
  checkAcrossDocuments({ document, repository, report }) {
    for (const link of document.evidence) {
      if (!link.path || resolveEvidencePath(document.path, link.path.value).kind !== 'inside') continue;
      if (evidenceState(document, link, repository) !== 'outside') continue;
      report(link.path.range, `The evidence \`${link.path.value}\` is a link to a place outside the repository; Clausemark does not follow it.`, {
        data: { evidencePath: link.path.value },
      });
    }
  },
});
