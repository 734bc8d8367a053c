import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CoverageCatalogNode,
  CoverageClauseNode,
  CoverageDocumentNode,
  CoverageFolderNode,
  DocumentInfo,
  FolderInfo,
  TraceabilityModel,
  TraceabilityScope,
} from '../protocol/clausemarkProtocol.js';
import { uriToPath, type FolderEntry, type ServerWorkspace } from './serverWorkspace.js';
import { toWireRange } from './wireRange.js';
import {
  catalogStatusBarContent,
  certificationOfIndex,
  clauseTooltip,
  documentDescription,
  formatPercent,
  groupStatus,
  isSoundApproval,
  mermaidFlowchart,
  traceabilityGraph,
  type CatalogCoverage,
  type CertificationSummary,
  type Clause,
  type ClauseCoverage,
  type CoverageSummary,
  type TraceScope,
} from '../core/index.js';

/**
 * The models of what only some editors show (the coverage tree, the status bar, the traceability diagram),
 * computed here from the core so every client renders the same state.
 */
export class ViewModels {
  constructor(private readonly workspace: ServerWorkspace) {}

  coverageTree(gapsOnly: boolean): { folders: CoverageFolderNode[] } {
    const folders = this.workspace.all().flatMap((folder): CoverageFolderNode[] => {
      const state = folder.session.current;
      if (!state) return [];
      const coverages = state.index.catalogCoverages();
      const [primary] = coverages;
      if (!primary) return [];
      const catalogs =
        coverages.length > 1
          ? coverages.map((coverage): CoverageCatalogNode => ({
              alias: coverage.alias,
              label: `${coverage.alias}: ${coverage.catalog.title}`,
              description: summaryDescription(coverage.report.summary),
              clauses: this.clauseTree(folder, coverage, gapsOnly),
            }))
          : undefined;
      return [
        {
          uri: folder.uri,
          name: folder.name,
          description: summaryDescription(primary.report.summary),
          clauses: catalogs?.[0]?.clauses ?? this.clauseTree(folder, primary, gapsOnly),
          ...(catalogs ? { catalogs } : {}),
        },
      ];
    });
    return { folders };
  }

  /** One catalog's clause tree; node ids of a catalog other than the primary are qualified (`27001:A.5.1`), so they stay unique. */
  private clauseTree(folder: FolderEntry, coverage: CatalogCoverage, gapsOnly: boolean): CoverageClauseNode[] {
    const { catalog, report } = coverage;
    const byClause = new Map(report.clauses.map((clause) => [clause.clause, clause]));
    const node = (clause: Clause): CoverageClauseNode[] => {
      const status = groupStatus(catalog, report, clause.id);
      if (gapsOnly && status === 'covered') return [];
      const leaf = clause.isLeaf ? byClause.get(clause.id) : undefined;
      return [
        {
          id: coverage.primary ? clause.id : `${coverage.alias}:${clause.id}`,
          label: `${clause.id} ${clause.title}`,
          isLeaf: clause.isLeaf,
          status,
          tooltip: clauseTooltip(clause.id, clause.title, status, leaf),
          children: clause.isLeaf
            ? []
            : clause.children.flatMap((id) => {
                const child = catalog.get(id);
                return child ? node(child) : [];
              }),
          documentCount: leaf?.documents.length ?? 0,
        },
      ];
    };
    return catalog
      .all()
      .filter((clause) => clause.parent === undefined)
      .flatMap(node);
  }

  /** The documents under a leaf of the coverage tree (`clause` as the tree's node id), or none when it is not a leaf. */
  coverageDocuments(folderUri: string, clause: string): CoverageDocumentNode[] {
    const folder = this.workspace.folder(folderUri);
    for (const coverage of folder?.session.current?.index.catalogCoverages() ?? []) {
      const prefix = `${coverage.alias}:`;
      const id = coverage.primary ? clause : clause.startsWith(prefix) ? clause.slice(prefix.length) : undefined;
      const leaf = id === undefined ? undefined : coverage.report.clauses.find((candidate) => candidate.clause === id);
      if (folder && leaf) return this.documentNodes(folder, leaf);
    }
    return [];
  }

  /** The first folder with a `certification` block wins (else the first folder read). */
  certification(): CertificationSummary | null {
    const states = this.workspace.all().flatMap((folder) => (folder.session.current ? [folder.session.current] : []));
    const state = states.find((candidate) => candidate.project.config.certification !== undefined) ?? states[0];
    return state ? certificationOfIndex(state.index, state.project.root) : null;
  }

  /** Per catalog: with several, each alias's figure (`20000 84% · 27001 3%`), never one mixed figure. */
  statusBar(): { text: string; tooltip: string } | null {
    return catalogStatusBarContent(this.catalogCoverages()) ?? null;
  }

  traceability(scope: TraceabilityScope): TraceabilityModel | null {
    const folder = scope.kind === 'document' ? this.workspace.folderFor(scope.uri) : this.workspace.folder(scope.folderUri);
    const state = folder?.session.current;
    if (!folder || !state) return null;
    let core: TraceScope;
    let title: string;
    if (scope.kind === 'document') {
      const path = folder.session.pathOf(uriToPath(scope.uri) ?? '');
      const document = path === undefined ? undefined : state.index.documentAt(path);
      if (path === undefined || !document) return null;
      core = { kind: 'document', path };
      title = `Traceability of ${document.id?.value ?? path}`;
    } else if (scope.kind === 'family') {
      core = { kind: 'family', clause: scope.clause };
      title = `Traceability of ${state.project.catalog.label(scope.clause)}`;
    } else {
      core = { kind: 'all' };
      title = 'Traceability of the SMS';
    }
    const graph = traceabilityGraph(core, state.index.documents(), state.project.catalog, state.index.coverage());
    return {
      title,
      source: mermaidFlowchart(graph),
      empty: graph.nodes.length === 0,
      clickable: graph.nodes.flatMap((node) => (node.path ? [{ key: node.key, uri: this.workspace.uriOf(folder, node.path) }] : [])),
    };
  }

  documentInfo(uri: string): DocumentInfo {
    const folder = this.workspace.folderFor(uri);
    const current = this.workspace.current(uri);
    const path = folder?.session.pathOf(uriToPath(uri) ?? '');
    const document = current?.read.document ?? (path === undefined ? undefined : folder?.session.current?.index.documentAt(path));
    return { folderUri: folder?.uri ?? null, isSmsDocument: document !== undefined, id: document?.id?.value ?? null };
  }

  folders(): FolderInfo[] {
    return this.workspace.all().map((folder) => {
      const state = folder.session.current;
      const catalog = state?.project.catalog;
      const groups = catalog ? catalog.all().filter((entry) => !entry.isLeaf && catalog.ancestors(entry.id).length <= 1) : [];
      return {
        uri: folder.uri,
        name: folder.name || basename(folder.path),
        rootUri: pathToFileURL(folder.session.root).href,
        ready: state !== undefined,
        clauseGroups: groups.map((group) => ({ id: group.id, label: `${group.id} ${group.title}` })),
        ids: state ? [...state.index.allIds()] : [],
        smsFolder: (state?.project.config.smsFolders[0] ?? 'sms/**').replace(/\/?\*.*$/, '') || 'sms',
        reviewCycleMonths: state?.project.config.reviewCycleMonths ?? 12,
      };
    });
  }

  private catalogCoverages(): (readonly CatalogCoverage[])[] {
    return this.workspace.all().flatMap((folder) => (folder.session.current ? [folder.session.current.index.catalogCoverages()] : []));
  }

  private documentNodes(folder: FolderEntry, coverage: ClauseCoverage): CoverageDocumentNode[] {
    return coverage.documents.map((document) => ({
      label: `${document.id} ${document.title}`,
      description: documentDescription(document),
      status: document.status ?? null,
      soundApproval: isSoundApproval(document),
      uri: this.workspace.uriOf(folder, document.path),
      range: toWireRange(document.claimRange),
      evidence: coverage.evidence
        .filter((item) => item.documentPath === document.path)
        .map((evidence) => ({
          label: evidence.path ?? evidence.url ?? 'evidence',
          description: `${evidence.state}${evidence.date ? ` · ${evidence.date}` : ''}`,
          current: evidence.state === 'current' || evidence.state === 'undated',
          uri: this.workspace.uriOf(folder, evidence.documentPath),
          range: toWireRange(evidence.range),
        })),
    }));
  }
}

function summaryDescription(summary: CoverageSummary): string {
  return `${summary.atRisk > 0 ? `${summary.atRisk} at-risk · ` : ''}${formatPercent(summary.percent)} covered`;
}
