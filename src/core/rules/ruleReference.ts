import type { RuleDefinition } from './ruleDefinitions.js';

export const REFERENCE_START = '<!-- rule reference: generated from src/core/rules by `npm run docs:rules`; edit the rule files, not this -->';
export const REFERENCE_END = '<!-- end of rule reference -->';

/** The README's rule reference: a table of every rule, then a section per rule with its documentation. */
export function renderRuleReference(rules: readonly RuleDefinition[]): string {
  const table = [
    '| rule | default | checks |',
    '|---|---|---|',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${anchorOf(rule.id)}) | ${rule.defaultSeverity} | ${rule.description.replace(/\|/g, '\\|')} |`),
  ];
  const sections = rules.map((rule) => `### \`${rule.id}\`\n${rule.documentation.trim()}`);
  return [REFERENCE_START, table.join('\n'), ...sections, REFERENCE_END].join('\n\n');
}

/** The README with its rule reference replaced by one rendered from `rules`; throws when the markers are missing. */
export function withRuleReference(readme: string, rules: readonly RuleDefinition[]): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error('README.md has no rule reference markers; put them where the rule reference belongs.');
  return readme.slice(0, start) + renderRuleReference(rules) + readme.slice(end + REFERENCE_END.length);
}

/** The GitHub heading anchor of `### \`clause.unknown\`` (`clauseunknown`). */
export function anchorOf(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '');
}
