import type { ClauseCoverage } from '../../coverage/coverageReport.js';
import type { RelatedLocation } from '../../model/finding.js';

/** The documents that claim a clause, as related places of a finding about its coverage (a crosswalk's count says so). */
export function claimsOf(clause: ClauseCoverage): RelatedLocation[] {
  return clause.documents.map((document) => ({
    file: document.path,
    range: document.claimRange,
    message:
      document.viaCrosswalk !== undefined
        ? `${document.id} (${document.control.label}) counts for ${clause.clause} via crosswalk from ${document.viaCrosswalk}`
        : `${document.id} (${document.control.label}) claims ${clause.clause}`,
  }));
}
