import { defineRule } from '../rule.js';

// Reported while the configuration is loaded (src/core/config/loadProject.ts), with the setting's range.
export default defineRule({
  id: 'config.unknown-rule',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'The configuration sets the severity of a rule that does not exist.',
  documentation: ['`rules` in the config names a rule id that does not exist (the nearest ids are suggested).'].join('\n'),
});
