import * as vscode from 'vscode';
import type { Clause } from '../../core/catalog/clauseCatalog.js';
import type { CatalogCoverage } from '../../core/coverage/catalogCoverage.js';
import type { ClauseCoverage } from '../../core/coverage/coverageReport.js';
import { formatPercent } from '../../core/coverage/coverageText.js';
import { clauseTooltip, documentDescription, groupStatus, isSoundApproval, type GroupStatus } from '../../core/coverage/editorCoverage.js';
import { toRange } from '../convert.js';
import type { FolderSession } from '../folderSession.js';
import type { SessionRegistry } from '../sessionRegistry.js';

type Node =
  | { readonly kind: 'folder'; readonly session: FolderSession }
  /** With several catalogs, one node per catalog alias above its clause tree. */
  | { readonly kind: 'catalog'; readonly session: FolderSession; readonly alias: string }
  | { readonly kind: 'clause'; readonly session: FolderSession; readonly alias: string | undefined; readonly clause: Clause }
  | { readonly kind: 'document'; readonly session: FolderSession; readonly alias: string | undefined; readonly clause: string; readonly document: ClauseCoverage['documents'][number] }
  | { readonly kind: 'evidence'; readonly session: FolderSession; readonly evidence: ClauseCoverage['evidence'][number] };

const STATUS_ICON: Record<GroupStatus, vscode.ThemeIcon> = {
  covered: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  'at-risk': new vscode.ThemeIcon('shield', new vscode.ThemeColor('list.warningForeground')),
  partial: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  uncovered: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  excluded: new vscode.ThemeIcon('circle-slash'),
  mixed: new vscode.ThemeIcon('circle-large-outline'),
};

/** The catalog's clause tree with a status per clause, documents under each leaf and evidence under each document. */
export class CoverageTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private gapsOnly = false;

  constructor(private readonly registry: SessionRegistry) {
    registry.onDidChange(() => this.changed.fire());
  }

  setGapsOnly(value: boolean): void {
    this.gapsOnly = value;
    void vscode.commands.executeCommand('setContext', 'clausemark.gapsOnly', value);
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const sessions = this.registry.all().filter((session) => session.current);
      return sessions.length === 1 && sessions[0] ? this.topClauses(sessions[0]) : sessions.map((session) => ({ kind: 'folder', session }));
    }
    const state = node.session.current;
    if (!state) return [];
    switch (node.kind) {
      case 'folder':
        return this.topClauses(node.session);
      case 'catalog':
        return this.catalogClauses(node.session, node.alias);
      case 'clause': {
        if (!node.clause.isLeaf) return node.clause.children.flatMap((id) => this.clauseNode(node.session, node.alias, id));
        const coverage = this.coverageOf(node.session, node.alias, node.clause.id);
        return (coverage?.documents ?? []).map((document) => ({ kind: 'document', session: node.session, alias: node.alias, clause: node.clause.id, document }));
      }
      case 'document': {
        const coverage = this.coverageOf(node.session, node.alias, node.clause);
        return (coverage?.evidence ?? []).filter((item) => item.documentPath === node.document.path).map((evidence) => ({ kind: 'evidence', session: node.session, evidence }));
      }
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const summary = node.session.current?.index.coverage().summary;
        const item = new vscode.TreeItem(node.session.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = summary ? `${summary.atRisk > 0 ? `${summary.atRisk} at-risk · ` : ''}${formatPercent(summary.percent)} covered` : undefined;
        return item;
      }
      case 'catalog': {
        const coverage = this.catalogOf(node.session, node.alias);
        const summary = coverage?.report.summary;
        const item = new vscode.TreeItem(`${node.alias}: ${coverage?.catalog.title ?? ''}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.session.folder.uri.toString()}#catalog:${node.alias}`;
        item.description = summary ? `${summary.atRisk > 0 ? `${summary.atRisk} at-risk · ` : ''}${formatPercent(summary.percent)} covered` : undefined;
        return item;
      }
      case 'clause': {
        const status = this.statusOf(node.session, node.alias, node.clause);
        const item = new vscode.TreeItem(`${node.clause.id} ${node.clause.title}`, node.clause.isLeaf && (this.coverageOf(node.session, node.alias, node.clause.id)?.documents.length ?? 0) === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.session.folder.uri.toString()}#${node.alias !== undefined ? `${node.alias}:` : ''}${node.clause.id}`;
        item.iconPath = STATUS_ICON[status];
        item.description = node.clause.isLeaf ? status : undefined;
        const coverage = node.clause.isLeaf ? this.coverageOf(node.session, node.alias, node.clause.id) : undefined;
        // Plain text: the reasons quote field names with backticks, which Markdown would turn into code.
        item.tooltip = clauseTooltip(node.clause.id, node.clause.title, status, coverage);
        item.contextValue = node.clause.isLeaf ? `clause.${status}` : 'clauseGroup';
        return item;
      }
      case 'document': {
        const item = new vscode.TreeItem(`${node.document.id} ${node.document.title}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = documentDescription(node.document);
        item.iconPath = isSoundApproval(node.document) ? new vscode.ThemeIcon('file') : new vscode.ThemeIcon(node.document.status === 'approved' ? 'warning' : 'file-text', node.document.status === 'approved' ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.resourceUri = node.session.uriOf(node.document.path);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [node.session.uriOf(node.document.path), { selection: toRange(node.document.claimRange) }] };
        return item;
      }
      case 'evidence': {
        const label = node.evidence.path ?? node.evidence.url ?? 'evidence';
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.description = `${node.evidence.state}${node.evidence.date ? ` · ${node.evidence.date}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(node.evidence.state === 'current' || node.evidence.state === 'undated' ? 'note' : 'warning');
        item.command = { title: 'Open', command: 'vscode.open', arguments: [node.session.uriOf(node.evidence.documentPath), { selection: toRange(node.evidence.range) }] };
        return item;
      }
    }
  }

  /** The primary catalog's clauses, or one node per catalog when the project has several. */
  private topClauses(session: FolderSession): Node[] {
    const catalogs = session.current?.index.catalogCoverages() ?? [];
    if (catalogs.length > 1) return catalogs.map((coverage) => ({ kind: 'catalog', session, alias: coverage.alias }));
    return this.catalogClauses(session, undefined);
  }

  private catalogClauses(session: FolderSession, alias: string | undefined): Node[] {
    const catalog = this.catalogOf(session, alias)?.catalog;
    return (catalog?.all() ?? []).filter((clause) => clause.parent === undefined).flatMap((clause) => this.clauseNode(session, alias, clause.id));
  }

  /** The coverage of catalog `alias`, the primary's when undefined. */
  private catalogOf(session: FolderSession, alias: string | undefined): CatalogCoverage | undefined {
    const catalogs = session.current?.index.catalogCoverages() ?? [];
    return alias === undefined ? catalogs[0] : catalogs.find((coverage) => coverage.alias === alias);
  }

  private clauseNode(session: FolderSession, alias: string | undefined, id: string): Node[] {
    const clause = this.catalogOf(session, alias)?.catalog.get(id);
    if (!clause) return [];
    if (this.gapsOnly && this.statusOf(session, alias, clause) === 'covered') return [];
    return [{ kind: 'clause', session, alias, clause }];
  }

  private coverageOf(session: FolderSession, alias: string | undefined, clause: string): ClauseCoverage | undefined {
    return this.catalogOf(session, alias)?.report.clauses.find((entry) => entry.clause === clause);
  }

  private statusOf(session: FolderSession, alias: string | undefined, clause: Clause): GroupStatus {
    const coverage = this.catalogOf(session, alias);
    return coverage ? groupStatus(coverage.catalog, coverage.report, clause.id) : 'mixed';
  }
}
