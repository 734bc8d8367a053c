import { join } from 'node:path';
import type { CheckResult } from '../check.js';
import type { ClauseCoverage } from '../coverage/coverageReport.js';
import { statementOfApplicability, type StatementOfApplicability } from '../coverage/statementOfApplicability.js';
import { familyDiagrams, type DiagramNodes, type PackDiagram } from './packDiagrams.js';
import { packFindings, type PackFinding } from './packFindings.js';
import { packCycle, type PackCycle } from './packCycle.js';
import { packLinks, type PackLinks } from './packLinks.js';
import { documentRegister, evidenceHref, evidenceRegister, type EvidenceEntry, type RegisterEntry } from './packRegisters.js';

export type { EvidenceEntry, RegisterEntry } from './packRegisters.js';
export type { PackDiagram } from './packDiagrams.js';
export type { PackFinding } from './packFindings.js';

/** The git commit a pack was built from; `dirty` when tracked files differed from it. */
export interface PackRevision {
  readonly commit: string;
  readonly dirty: boolean;
}

/** One clause family (a top-level clause) with its traceability diagrams. */
export interface ClauseFamily {
  readonly id: string;
  readonly label: string;
  readonly clauses: readonly ClauseCoverage[];
  /** The family's clauses, the documents that address them and their evidence, split so each diagram stays readable. */
  readonly diagrams: readonly PackDiagram[];
}

/** The coverage of a catalog other than the primary, for its own statement of coverage. */
export interface PackCatalog {
  readonly alias: string;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly summary: CheckResult['coverage']['summary'];
  readonly clauses: readonly ClauseCoverage[];
}

/** What a team hands an auditor for a Stage 1 document review. */
export interface AuditPack {
  readonly title: string;
  readonly catalog: { readonly id: string; readonly title: string };
  readonly generatedOn: string;
  readonly revision?: PackRevision;
  readonly toolVersion: string;
  readonly summary: CheckResult['coverage']['summary'];
  readonly families: readonly ClauseFamily[];
  /** With several catalogs: each catalog after the primary, in config order. */
  readonly otherCatalogs: readonly PackCatalog[];
  /** A Statement of Applicability for each catalog that has controls (ISO/IEC 27001:2022 Annex A). */
  readonly soa: readonly StatementOfApplicability[];
  readonly documents: readonly RegisterEntry[];
  readonly evidence: readonly EvidenceEntry[];
  /** Documents, not retired, whose `next_review` has passed. */
  readonly overdue: readonly RegisterEntry[];
  readonly findings: readonly PackFinding[];
  /** The certification cycle: audit programme, nonconformity register, management review log, timeline (where there is one). */
  readonly cycle?: PackCycle;
}

export interface AuditPackOptions {
  readonly toolVersion: string;
  readonly revision?: PackRevision;
  /** The folder the pack is written into (absolute): its links to repository files are relative to it. Default `<root>/audit-pack`. */
  readonly outputFolder?: string;
}

/** The id of a clause's row in the statement of coverage, which diagrams and findings link to. */
export function clauseAnchor(clause: string): string {
  return `clause-${clause.replace(/[^A-Za-z0-9.-]/g, '_')}`;
}

/** Gathers the pack from one check of the repository. */
export function buildAuditPack(result: CheckResult, options: AuditPackOptions): AuditPack {
  const { catalog, root } = result.project;
  const links = packLinks(root, options.outputFolder ?? join(root, 'audit-pack'));
  const documents = documentRegister(result.index.documents(), result.today, result.project.config.reviewWarningDays, links);
  const evidence = evidenceRegister(result.coverage.clauses, documents, links);

  const families = new Map<string, ClauseCoverage[]>();
  for (const clause of result.coverage.clauses) {
    const family = catalog.ancestors(clause.clause).at(-1)?.id ?? clause.clause;
    const list = families.get(family);
    if (list) list.push(clause);
    else families.set(family, [clause]);
  }
  const nodes = diagramNodes(documents, evidence, links);
  const documentsByPath = new Map(documents.map((document) => [document.path, document]));
  return {
    title: `Audit pack: ${result.coverage.catalog.title}`,
    catalog: result.coverage.catalog,
    generatedOn: result.today,
    ...(options.revision ? { revision: options.revision } : {}),
    toolVersion: options.toolVersion,
    summary: result.coverage.summary,
    families: [...families].map(([id, clauses], index) => ({
      id,
      label: catalog.label(id),
      clauses,
      diagrams: familyDiagrams(String(index + 1), clauses, nodes),
    })),
    soa: result.catalogs
      .filter((coverage) => coverage.catalog.leaves().some((leaf) => leaf.kind === 'control'))
      .map((coverage) => statementOfApplicability(coverage, result.project.config.applicability)),
    otherCatalogs: result.catalogs.slice(1).map(({ alias, report }) => ({ alias, catalog: report.catalog, summary: report.summary, clauses: report.clauses })),
    documents,
    evidence,
    overdue: documents.filter((document) => document.overdue),
    findings: packFindings(result.findings, {
      catalog,
      configFile: result.project.configFile,
      documentsByPath,
      links,
      clauseAnchor: (clause) => `#${clauseAnchor(clause)}`,
    }),
    ...optionalCycle(packCycle(result.index.cycle(), catalog)),
  };
}

/** Diagram nodes labelled as the registers name them, each a link: clauses to their row, documents and evidence to the file. */
function diagramNodes(documents: readonly RegisterEntry[], evidence: readonly EvidenceEntry[], links: PackLinks): DiagramNodes {
  const byPath = new Map(documents.map((document) => [document.path, document]));
  const rowOf = new Map(evidence.map((entry) => [`${entry.clause}\n${entry.documentPath}\n${entry.target}`, entry.anchor]));
  return {
    clause: (clause) => ({ label: `${clause.clause} ${clause.title}`, href: `#${clauseAnchor(clause.clause)}` }),
    document: (path, fallbackId) => {
      const document = byPath.get(path);
      const label = document ? (document.title === document.id ? document.id : `${document.id}: ${document.title}`) : fallbackId;
      return { label, href: links.file(path), ...(document?.status !== undefined ? { status: document.status } : {}) };
    },
    evidence: (clause, item) => {
      const target = item.url ?? item.repositoryPath ?? item.path ?? item.documentPath;
      const title = item.repositoryPath !== undefined ? byPath.get(item.repositoryPath)?.title : undefined;
      const row = `#${rowOf.get(`${clause.clause}\n${item.documentPath}\n${target}`) ?? 'evidence'}`;
      return { label: title ?? target, href: evidenceHref(item, links) ?? row };
    },
  };
}

function optionalCycle(cycle: PackCycle | undefined): { cycle?: PackCycle } {
  return cycle ? { cycle } : {};
}
