import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { Finding } from '../model/finding.js';
import { severityRank } from '../model/severity.js';
import type { PackLinks } from './packLinks.js';

/** An open finding as an auditor reads it: what it is about (a clause, a document) rather than `file:line:column`. */
export interface PackFinding {
  readonly finding: Finding;
  /** `8.3.2 Business relationship management`, `PRC-PRB Problem management process`, or the file's path. */
  readonly subject: string;
  /** `clause`, `document`, `file` or `repository`: how the subject is shown. */
  readonly subjectKind: 'clause' | 'document' | 'file' | 'repository';
  /** The line of the document the finding is at, when it is about a document or file. */
  readonly line?: number;
  /** A link to the subject: the clause's row of the statement of coverage, or the file in the repository. */
  readonly href?: string;
}

export interface SubjectContext {
  readonly catalog: ClauseCatalog;
  /** The config file's repository path; findings about coverage are reported there, and are about a clause. */
  readonly configFile: string | undefined;
  readonly documentsByPath: ReadonlyMap<string, { readonly id: string; readonly title: string }>;
  readonly links: PackLinks;
  readonly clauseAnchor: (clause: string) => string;
}

/** The findings with their subjects, by severity (errors first), then subject in natural order, then line and rule. */
export function packFindings(findings: readonly Finding[], context: SubjectContext): PackFinding[] {
  return findings.map((finding) => subjectOf(finding, context)).sort(comparePackFindings);
}

function subjectOf(finding: Finding, context: SubjectContext): PackFinding {
  const clause = finding.data?.clause;
  const line = finding.range?.start.line;
  // Findings about the repository as a whole sit on the config file; what they are about is their clause.
  const repositoryLevel = finding.file === '.' || finding.file === context.configFile;
  if (repositoryLevel && clause !== undefined) {
    return {
      finding,
      subject: context.catalog.has(clause) ? context.catalog.label(clause) : `clause ${clause}`,
      subjectKind: 'clause',
      ...(context.catalog.has(clause) ? { href: context.clauseAnchor(clause) } : {}),
    };
  }
  if (finding.file === '.') return { finding, subject: 'the repository', subjectKind: 'repository' };
  const document = context.documentsByPath.get(finding.file);
  const at = line !== undefined ? { line } : {};
  if (document)
    return {
      finding,
      subject: document.title === document.id ? document.id : `${document.id} ${document.title}`,
      subjectKind: 'document',
      ...at,
      href: context.links.file(finding.file),
    };
  return { finding, subject: finding.file, subjectKind: 'file', ...at, href: context.links.file(finding.file) };
}

const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function comparePackFindings(a: PackFinding, b: PackFinding): number {
  return (
    severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
    NATURAL.compare(a.subject, b.subject) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    NATURAL.compare(a.finding.ruleId, b.finding.ruleId) ||
    NATURAL.compare(a.finding.message, b.finding.message)
  );
}
