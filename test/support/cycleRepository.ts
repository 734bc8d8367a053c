import { documentText } from './repository.js';

/** A small repository with a certification cycle: a mini catalog, a policy, an internal audit with findings, a management review. */
const CATALOG = JSON.stringify({
  id: 'mini',
  title: 'Mini standard',
  exclusions: { allowed: false },
  clauses: [
    { id: '1', title: 'Group' },
    { id: '1.1', title: 'Policy', parent: '1', documents: [{ description: 'a policy', types: ['policy'] }] },
    { id: '1.2', title: 'Operation', parent: '1', records: [{ description: 'operation records' }] },
  ],
});

export const CYCLE_CONFIG = JSON.stringify({
  catalog: './catalog.json',
  certification: {
    certifiedOn: '2025-03-10',
    audits: [
      { kind: 'surveillance', date: '2026-03-09' },
      { kind: 'surveillance', date: '2027-03-08' },
    ],
  },
});

export function cycleFiles(scope: string, config = CYCLE_CONFIG): Record<string, string> {
  return {
    'clausemark.json': config,
    'catalog.json': CATALOG,
    'sms/pol.md': documentText({
      id: 'POL-1',
      title: 'Policy',
      type: 'policy',
      next_review: '2027-02-01',
      clauses: '\n  - 1.1\n  - 1.2',
      evidence: '\n  - url: https://t.example.com/1\n    clause: 1.2\n    date: 2026-01-15',
    }),
    'sms/aud.md': documentText({
      id: 'AUD-1',
      title: 'Internal audit',
      type: 'audit',
      owner: 'Audit Lead',
      version: undefined,
      next_review: undefined,
      date: '2026-05-14',
      clauses: '[]',
      audit: `\n  kind: internal\n  auditor: Jane Roe\n  scope: [${scope}]`,
      findings:
        '\n  - id: NC-1\n    clause: 1.1\n    grade: minor\n    due: 2027-01-31\n    status: open\n  - id: OBS-1\n    grade: observation\n    status: open\n  - id: NC-3\n    grade: major\n    due: 2026-07-01\n    status: closed\n    closed_on: 2026-06-20\n    verified_on: 2026-07-10',
    }),
    'sms/mr.md': documentText({
      id: 'MR-1',
      title: 'Management review',
      type: 'management-review',
      version: undefined,
      next_review: undefined,
      date: '2026-04-01',
      clauses: '[]',
    }),
  };
}
