import * as vscode from 'vscode';
import type {
  CoverageCatalogNode,
  CoverageClauseNode,
  CoverageDocumentNode,
  CoverageEvidenceNode,
  CoverageFolderNode,
  WireGroupStatus,
  WireRange,
} from '../../protocol/clausemarkProtocol.js';

type Node =
  | { readonly kind: 'folder'; readonly folder: CoverageFolderNode }
  /** With several catalogs, one node per catalog alias above its clause tree. */
  | { readonly kind: 'catalog'; readonly folder: CoverageFolderNode; readonly catalog: CoverageCatalogNode }
  | { readonly kind: 'clause'; readonly folder: CoverageFolderNode; readonly clause: CoverageClauseNode }
  | { readonly kind: 'document'; readonly document: CoverageDocumentNode }
  | { readonly kind: 'evidence'; readonly evidence: CoverageEvidenceNode };

const STATUS_ICON: Record<WireGroupStatus, vscode.ThemeIcon> = {
  covered: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  'at-risk': new vscode.ThemeIcon('shield', new vscode.ThemeColor('list.warningForeground')),
  partial: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  uncovered: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  excluded: new vscode.ThemeIcon('circle-slash'),
  mixed: new vscode.ThemeIcon('circle-large-outline'),
};

const toRange = (range: WireRange): vscode.Range => new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

/**
 * The catalog's clause tree with a status per clause, documents under each leaf and evidence under each
 * document. It renders the model the language server computes (clausemark/coverageTree) and nothing more.
 */
export class CoverageTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private gapsOnly = false;
  private folders: readonly CoverageFolderNode[] = [];

  constructor(
    private readonly fetch: (gapsOnly: boolean) => Promise<readonly CoverageFolderNode[]>,
    private readonly fetchDocuments: (folderUri: string, clause: string) => Promise<readonly CoverageDocumentNode[]>,
  ) {}

  /** Asks the server for the current model and redraws. */
  async refresh(): Promise<void> {
    this.folders = await this.fetch(this.gapsOnly);
    this.changed.fire();
  }

  async setGapsOnly(value: boolean): Promise<void> {
    this.gapsOnly = value;
    void vscode.commands.executeCommand('setContext', 'clausemark.gapsOnly', value);
    await this.refresh();
  }

  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) {
      const only = this.folders.length === 1 ? this.folders[0] : undefined;
      return only ? this.topOf(only) : this.folders.map((folder) => ({ kind: 'folder', folder }));
    }
    switch (node.kind) {
      case 'folder':
        return this.topOf(node.folder);
      case 'catalog':
        return this.clauses(node.folder, node.catalog.clauses);
      case 'clause':
        return node.clause.isLeaf ? this.documentsOf(node.folder, node.clause) : this.clauses(node.folder, node.clause.children);
      case 'document':
        return node.document.evidence.map((evidence) => ({ kind: 'evidence', evidence }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.folder.description;
        return item;
      }
      case 'catalog': {
        const item = new vscode.TreeItem(node.catalog.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.folder.uri}#catalog:${node.catalog.alias}`;
        item.description = node.catalog.description;
        return item;
      }
      case 'clause': {
        const { clause } = node;
        const item = new vscode.TreeItem(
          clause.label,
          clause.isLeaf && clause.documentCount === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `${node.folder.uri}#${clause.id}`;
        item.iconPath = STATUS_ICON[clause.status];
        item.description = clause.isLeaf ? clause.status : undefined;
        // Plain text: the reasons quote field names with backticks, which Markdown would turn into code.
        item.tooltip = clause.tooltip;
        item.contextValue = clause.isLeaf ? `clause.${clause.status}` : 'clauseGroup';
        return item;
      }
      case 'document': {
        const { document } = node;
        const item = new vscode.TreeItem(document.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = document.description;
        const approved = document.status === 'approved';
        item.iconPath = document.soundApproval
          ? new vscode.ThemeIcon('file')
          : new vscode.ThemeIcon(approved ? 'warning' : 'file-text', approved ? new vscode.ThemeColor('list.warningForeground') : undefined);
        const uri = vscode.Uri.parse(document.uri);
        item.resourceUri = uri;
        item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: toRange(document.range) }] };
        return item;
      }
      case 'evidence': {
        const { evidence } = node;
        const item = new vscode.TreeItem(evidence.label, vscode.TreeItemCollapsibleState.None);
        item.description = evidence.description;
        item.iconPath = new vscode.ThemeIcon(evidence.current ? 'note' : 'warning');
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(evidence.uri), { selection: toRange(evidence.range) }] };
        return item;
      }
    }
  }

  /** A leaf's documents, asked for when it is opened (they are not part of the tree's model). */
  private async documentsOf(folder: CoverageFolderNode, clause: CoverageClauseNode): Promise<Node[]> {
    return (await this.fetchDocuments(folder.uri, clause.id)).map((document) => ({ kind: 'document', document }));
  }

  /** The primary catalog's clauses, or one node per catalog when the folder has several. */
  private topOf(folder: CoverageFolderNode): Node[] {
    return folder.catalogs ? folder.catalogs.map((catalog) => ({ kind: 'catalog', folder, catalog })) : this.clauses(folder, folder.clauses);
  }

  private clauses(folder: CoverageFolderNode, clauses: readonly CoverageClauseNode[]): Node[] {
    return clauses.map((clause) => ({ kind: 'clause', folder, clause }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
