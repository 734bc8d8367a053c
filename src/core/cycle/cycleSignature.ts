import type { SmsDocument } from '../model/smsDocument.js';

/**
 * What of a document the certification cycle reads, as a string: when an edit leaves it equal, the cycle
 * state computed before the edit still holds, so typing in an ordinary document does not recompute it.
 * Audit reports, management reviews and documents with findings feed the cycle with their positions too,
 * so for them any edit counts (undefined: never equal).
 */
export function cycleSignature(document: SmsDocument | undefined): string | undefined {
  if (!document) return '';
  const type = document.type?.value;
  if (type === 'audit' || type === 'management-review' || (document.findings?.length ?? 0) > 0) return undefined;
  const clauses = [...new Set(document.clauses.map((claim) => claim.clause))].sort();
  return JSON.stringify([document.id?.value, document.status?.value, document.owner?.value, type, clauses]);
}

/** Whether replacing `before` by `after` may change the cycle state. */
export function changesCycle(before: SmsDocument | undefined, after: SmsDocument | undefined): boolean {
  const signature = cycleSignature(before);
  return signature === undefined || signature !== cycleSignature(after);
}
