import type { Finding } from '../model/finding.js';

/**
 * A coverage finding about a clause of a catalog other than the primary: the clause written qualified
 * (`27001:A.5.1 Policies for information security: …`) so no one mistakes it for a clause of the primary catalog.
 */
export function otherCatalogFinding(finding: Finding, alias: string, clause: string): Finding {
  return { ...finding, message: `${alias}:${finding.message}`, data: { ...finding.data, clause: `${alias}:${clause}`, catalog: alias } };
}
