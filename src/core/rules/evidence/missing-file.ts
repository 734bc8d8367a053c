import { resolveEvidencePath } from '../evidencePath.js';
import { evidenceState } from '../repositoryView.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'evidence.missing-file',
  defaultSeverity: 'error',
  scope: 'repository',
  description: 'An evidence `path` points to a file that does not exist, or to a folder.',
  documentation: [
    'The file the evidence `path` points to (relative to the document) does not exist, or is a folder: evidence must',
    'be a file, so `path: .` (the repository root, or any folder) is not current evidence.',
  ].join('\n'),
  checkAcrossDocuments({ document, repository, report }) {
    for (const link of document.evidence) {
      if (!link.path || evidenceState(document, link, repository) !== 'missing') continue;
      const location = resolveEvidencePath(document.path, link.path.value);
      const found = location.kind === 'inside' ? repository.targetState(location.path) : undefined;
      const message = found?.exists
        ? `The evidence \`${link.path.value}\` is not a file (a folder, say); evidence must be a file, so link the record itself.`
        : `The evidence file \`${link.path.value}\` does not exist.`;
      report(link.path.range, message, { data: { evidencePath: link.path.value } });
    }
  },
});
