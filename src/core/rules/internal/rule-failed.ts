import { defineRule } from '../rule.js';

// Reported by the rule runner (src/core/index) when a check throws; a file the reader failed on is worded here.
export default defineRule({
  id: 'internal.rule-failed',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A check failed unexpectedly on this document; the other checks still ran. Please report it.',
  documentation: [
    'A check threw an error on this document, or the file could not be parsed at all. The message names the rules',
    'whose check failed (turn them off under `rules` until it is fixed); the other checks and files still ran.',
    "Please report the document's shape.",
  ].join('\n'),
  checkReadProblem({ problem, lines, report }) {
    report(lines.lineRange(1), `Clausemark could not read this file (${problem.error}); the other files were still checked.`);
  },
});
