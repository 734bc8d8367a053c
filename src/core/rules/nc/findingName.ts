import type { FindingData } from '../../model/finding.js';
import type { AuditFinding } from '../../model/smsDocument.js';

/** How a message names an audit finding, and the data that lets an editor find it by id. */
export function findingName(finding: AuditFinding): { readonly name: string; readonly extras: { data?: FindingData } } {
  if (!finding.id) return { name: 'This nonconformity', extras: {} };
  return { name: `\`${finding.id.value}\``, extras: { data: { documentId: finding.id.value } } };
}
