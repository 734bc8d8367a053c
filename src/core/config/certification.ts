import { addMonths, parseIsoDate } from '../model/dates.js';
import type { AuditKind } from '../model/smsDocument.js';

/** An external audit planned in the certification cycle. */
export interface PlannedAudit {
  readonly kind: Exclude<AuditKind, 'internal'>;
  /** `YYYY-MM-DD` */
  readonly date: string;
}

/** The `certification` block of clausemark.json as written. */
export interface CertificationFile {
  readonly certifiedOn: string;
  readonly cycleYears?: number;
  readonly audits?: readonly PlannedAudit[];
  readonly internalAuditMonths?: number;
  readonly managementReviewMonths?: number;
}

/** The certification cycle in force: the block's values over the defaults, audits planned or derived. */
export interface Certification {
  readonly certifiedOn: string;
  readonly cycleYears: number;
  /** Planned external audits in date order; derived from `certifiedOn` when the block lists none. */
  readonly audits: readonly PlannedAudit[];
  /** Whether `audits` was written (false: derived yearly from `certifiedOn`). */
  readonly auditsPlanned: boolean;
  readonly internalAuditMonths: number;
  readonly managementReviewMonths: number;
  /** The day the certificate expires. */
  readonly expiresOn: string;
}

// How long before expiry a derived recertification audit falls: a certification body needs time to decide.
const RECERTIFICATION_MONTHS_BEFORE_EXPIRY = 2;

export function certificationWithDefaults(file: CertificationFile): Certification {
  const cycleYears = file.cycleYears ?? 3;
  const expiresOn = addMonths(file.certifiedOn, cycleYears * 12);
  const audits = file.audits !== undefined ? file.audits.map(({ kind, date }) => ({ kind, date })) : derivedAudits(file.certifiedOn, cycleYears, expiresOn);
  return {
    certifiedOn: file.certifiedOn,
    cycleYears,
    audits: audits.sort((a, b) => a.date.localeCompare(b.date)),
    auditsPlanned: file.audits !== undefined,
    internalAuditMonths: file.internalAuditMonths ?? 12,
    managementReviewMonths: file.managementReviewMonths ?? 12,
    expiresOn,
  };
}

/** A surveillance audit on each anniversary within the cycle, then recertification before expiry. */
function derivedAudits(certifiedOn: string, cycleYears: number, expiresOn: string): PlannedAudit[] {
  const audits: PlannedAudit[] = [];
  for (let year = 1; year < cycleYears; year++) audits.push({ kind: 'surveillance', date: addMonths(certifiedOn, year * 12) });
  audits.push({ kind: 'recertification', date: addMonths(expiresOn, -RECERTIFICATION_MONTHS_BEFORE_EXPIRY) });
  return audits;
}

/** Dates the schema's pattern lets through but the calendar does not have (2026-02-30), with their JSON paths. */
export function invalidCertificationDates(file: CertificationFile): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (parseIsoDate(file.certifiedOn) !== file.certifiedOn)
    problems.push({
      path: ['certification', 'certifiedOn'],
      message: `\`certifiedOn\` \`${file.certifiedOn}\` is not a calendar date; write it YYYY-MM-DD, e.g. 2025-03-10`,
    });
  (file.audits ?? []).forEach((audit, index) => {
    if (parseIsoDate(audit.date) !== audit.date)
      problems.push({
        path: ['certification', 'audits', index, 'date'],
        message: `the audit date \`${audit.date}\` is not a calendar date; write it YYYY-MM-DD, e.g. 2026-03-09`,
      });
  });
  return problems;
}

/** The first planned external audit on or after `day`. */
export function nextPlannedAudit(certification: Certification | undefined, day: string): PlannedAudit | undefined {
  return certification?.audits.find((audit) => audit.date >= day);
}
