import { defineRule } from '../rule.js';

// Reported by the change check against the base revision (src/core/change), which needs two revisions.
export default defineRule({
  id: 'change.suspect-link',
  defaultSeverity: 'info',
  scope: 'change',
  description: 'A document relies on a document or evidence file this change modified; review it again.',
  documentation: [
    'Only with `--base`. A document the change did not edit lists a changed document under `related`, or links a',
    'changed file as evidence: re-read it and confirm it still holds (when a policy changes, the processes that',
    'rely on it are suspect). Reported at the `related` id or the evidence `path`.',
  ].join('\n'),
});
