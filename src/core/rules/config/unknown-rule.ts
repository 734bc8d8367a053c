import { nearestIds } from '../../catalog/nearestIds.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'config.unknown-rule',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: 'The configuration sets the severity of a rule that does not exist.',
  documentation: ['`rules` in the config names a rule id that does not exist (the nearest ids are suggested).'].join('\n'),
  checkRepository({ config, ruleIds, locateSetting, report }) {
    for (const id of Object.keys(config.rules)) {
      if (ruleIds.includes(id)) continue;
      const suggestions = nearestIds(id, ruleIds, 3);
      report(
        locateSetting(['rules', id], 'key'),
        `There is no rule \`${id}\`${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '.'}`,
        {
          data: { suggestions },
        },
      );
    }
  },
});
