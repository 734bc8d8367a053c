import { defineRule } from '../rule.js';
import { truncate } from './truncate.js';

const SAFE_URL = /^https?:\/\/[^\s]+$/i;

export default defineRule({
  id: 'evidence.unsafe-url',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'An evidence `url` is not an http or https address.',
  documentation: ['Only `http:` and `https:` URLs are accepted (`javascript:`, `file:` and the like are refused). URLs are', 'recorded, never fetched.'].join(
    '\n',
  ),
  checkDocument({ document, report }) {
    for (const link of document.evidence) {
      if (link.url && !SAFE_URL.test(link.url.value.trim())) {
        report(link.url.range, `Evidence URLs must be http or https addresses; \`${truncate(link.url.value)}\` is not.`);
      }
    }
  },
});
