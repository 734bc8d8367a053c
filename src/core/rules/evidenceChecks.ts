import type { DocumentCheck } from './documentCheck.js';
import { resolveEvidencePath } from './evidencePath.js';

const SAFE_URL = /^https?:\/\/[^\s]+$/i;

/** Evidence entries that are wrong whatever else is in the repository. */
export const evidenceChecks: DocumentCheck = {
  rules: ['evidence.invalid', 'evidence.unsafe-url', 'evidence.outside-repository', 'evidence.clause-not-claimed'],
  run({ document, report, catalogs }) {
    // `8.6.1` and `20000:8.6.1` name the same clause when 20000 is the primary catalog.
    const keyOf = (written: string): string => (catalogs ? catalogs.key(written) : written);
    const claimed = new Set(document.clauses.map((claim) => keyOf(claim.clause)));
    for (const link of document.evidence) {
      if (!link.path && !link.url) {
        report('evidence.invalid', link.itemRange, 'This evidence entry needs a `path:` (a file in the repository) or a `url:`.');
      } else if (link.path && link.url) {
        report('evidence.invalid', link.itemRange, 'This evidence entry has both `path:` and `url:`; split it into two entries.');
      }
      if (link.url && !SAFE_URL.test(link.url.value.trim())) {
        report('evidence.unsafe-url', link.url.range, `Evidence URLs must be http or https addresses; \`${truncate(link.url.value)}\` is not.`);
      }
      if (link.path) {
        const location = resolveEvidencePath(document.path, link.path.value);
        if (location.kind === 'outside') {
          report('evidence.outside-repository', link.path.range, `Evidence \`${truncate(link.path.value)}\` cannot be used: ${location.reason}.`, { data: { evidencePath: link.path.value } });
        }
      }
      if (link.clause && !claimed.has(keyOf(link.clause.value))) {
        report('evidence.clause-not-claimed', link.clause.range, `This evidence is for clause ${link.clause.value}, which the document does not list under \`clauses:\`.`, {
          data: { clause: link.clause.value },
        });
      }
    }
  },
};

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
