import { RULES, type RuleId } from './registry.js';
import type { Rule } from './rule.js';
import { anchorOf } from './ruleReference.js';

export { RULES, type RuleId };

/** What users configure and read about a rule (its file in `rules/` also holds its check). */
export type RuleDefinition = Pick<Rule, 'id' | 'defaultSeverity' | 'scope' | 'description' | 'documentation'>;

export const DOCS_BASE_URL = 'https://github.com/clausemark/clausemark/blob/main/README.md';

const byId = new Map<string, RuleDefinition>(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

/** The GitHub heading anchor of the rule's README section (`### \`clause.unknown\`` → `#clauseunknown`). */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}#${anchorOf(id)}`;
}
