import type { ClauseCoverage } from '../../coverage/coverageReport.js';
import type { RelatedLocation } from '../../model/finding.js';

/** The documents that claim a clause, as related places of a finding about its coverage. */
export function claimsOf(clause: ClauseCoverage): RelatedLocation[] {
  return clause.documents.map((document) => ({ file: document.path, range: document.claimRange, message: `${document.id} (${document.control.label}) claims ${clause.clause}` }));
}
