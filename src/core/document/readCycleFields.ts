import { isMap, type Node as YamlNode, type YAMLMap } from 'yaml';
import { AUDIT_KINDS, FINDING_KEYS, isAuditKind, type AuditDetails, type AuditFinding, type AuditKind, type Located } from '../model/smsDocument.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { Expected, ValueProblem } from './readProblem.js';

const AUDIT_KEYS = ['kind', 'auditor', 'scope'];

/** The parts of the frontmatter reader the certification-cycle fields are read with. */
export interface FieldReading {
  scalarText(node: YamlNode | undefined, field: string, expected: Expected): Located<string> | undefined;
  readText(field: string, node: YamlNode | undefined): Located<string> | undefined;
  readEnum<T extends string>(field: string, node: YamlNode | undefined, allowed: readonly T[], guard: (value: string) => value is T): Located<T> | undefined;
  listItems(field: string, node: YamlNode | undefined): YamlNode[];
  readEntry(map: YAMLMap, list: string, known: readonly string[]): Map<string, YamlNode | undefined>;
  nodeRange(node: YamlNode | null | undefined): SourceRange;
  invalid(field: string, range: SourceRange, value: ValueProblem): undefined;
}

/** `audit:` and `findings:` of an audit report (ISO/IEC 20000-1 9.2, 10.1). */
export function readCycleFields(
  reader: FieldReading,
  audit: YamlNode | undefined,
  findings: YamlNode | undefined,
): { audit?: AuditDetails; findings?: AuditFinding[] } {
  const details = readAudit(reader, audit);
  return { ...(details ? { audit: details } : {}), ...(findings !== undefined ? { findings: readFindings(reader, findings) } : {}) };
}

function readAudit(reader: FieldReading, node: YamlNode | undefined): AuditDetails | undefined {
  if (node === undefined) return undefined;
  const range = reader.nodeRange(node);
  if (!isMap(node)) return reader.invalid('audit', range, { kind: 'not-a-mapping' });
  const entry = reader.readEntry(node, 'audit', AUDIT_KEYS);
  const kind = reader.readEnum<AuditKind>('kind', entry.get('kind'), AUDIT_KINDS, isAuditKind);
  const auditor = reader.readText('auditor', entry.get('auditor'));
  const scope = reader
    .listItems('scope', entry.get('scope'))
    .map((item) => reader.scalarText(item, 'scope', 'clause'))
    .filter((clause): clause is Located<string> => clause !== undefined && clause.value.trim() !== '')
    .map((clause) => ({ value: clause.value.trim(), range: clause.range }));
  return { range, scope, ...(kind ? { kind } : {}), ...(auditor ? { auditor } : {}) };
}

const PROPERTY_OF_KEY: Record<(typeof FINDING_KEYS)[number], keyof Omit<AuditFinding, 'itemRange'>> = {
  id: 'id',
  clause: 'clause',
  grade: 'grade',
  summary: 'summary',
  raised_on: 'raisedOn',
  due: 'due',
  status: 'status',
  closed_on: 'closedOn',
  action: 'action',
  verified_on: 'verifiedOn',
};

function readFindings(reader: FieldReading, node: YamlNode): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const item of reader.listItems('findings', node)) {
    const itemRange = reader.nodeRange(item);
    if (!isMap(item)) {
      reader.invalid('findings', itemRange, { kind: 'not-a-mapping' });
      continue;
    }
    const entry = reader.readEntry(item, 'findings', FINDING_KEYS);
    const finding: { -readonly [K in keyof AuditFinding]: AuditFinding[K] } = { itemRange };
    for (const key of FINDING_KEYS) {
      // Values stay as written: `nc.invalid` judges grades, statuses and dates where they stand.
      const located = reader.scalarText(entry.get(key), key, 'text');
      if (located && located.value.trim() !== '') finding[PROPERTY_OF_KEY[key]] = { value: located.value.trim(), range: located.range };
    }
    findings.push(finding);
  }
  return findings;
}
