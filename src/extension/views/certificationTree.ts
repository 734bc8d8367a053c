import type { SourceRange } from '../../core/text/sourceRange.js';
import * as vscode from 'vscode';
import type { BlockerGroup, CertificationSummary, OpenNonconformity, SummaryLocation } from '../../core/cycle/certificationSummary.js';

/** Nodes carry the part of the summary they show, so only the root asks for the summary. */
type Node =
  | { readonly kind: 'audit'; readonly summary: CertificationSummary }
  | { readonly kind: 'blockers'; readonly summary: CertificationSummary }
  | { readonly kind: 'section'; readonly summary: CertificationSummary; readonly group: BlockerGroup }
  | { readonly kind: 'blocker'; readonly summary: CertificationSummary; readonly item: BlockerGroup['items'][number] }
  | { readonly kind: 'nonconformities'; readonly summary: CertificationSummary }
  | { readonly kind: 'nonconformity'; readonly summary: CertificationSummary; readonly nc: OpenNonconformity }
  | { readonly kind: 'review'; readonly summary: CertificationSummary };

/**
 * The Certification view: the next audit and days left, what blocks it, the open nonconformities and the last
 * management review. It only renders the summary the getter gives (computed in core, sent by the server).
 */
export class CertificationTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly summaryOf: () => CertificationSummary | undefined,
    onDidChange: vscode.Event<void>,
  ) {
    onDidChange(() => this.changed.fire());
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const summary = this.summaryOf();
      if (!summary) return [];
      return [
        { kind: 'audit', summary },
        ...(summary.nextAudit ? [{ kind: 'blockers', summary } as const] : []),
        { kind: 'nonconformities', summary },
        ...(summary.lastManagementReview ? [{ kind: 'review', summary } as const] : []),
      ];
    }
    switch (node.kind) {
      case 'blockers':
        return node.summary.blockers.map((group) => ({ kind: 'section', summary: node.summary, group }));
      case 'section':
        return node.group.items.map((item) => ({ kind: 'blocker', summary: node.summary, item }));
      case 'nonconformities':
        return node.summary.openNonconformities.map((nc) => ({ kind: 'nonconformity', summary: node.summary, nc }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { summary } = node;
    switch (node.kind) {
      case 'audit': {
        const audit = summary.nextAudit;
        const item = new vscode.TreeItem(
          audit ? `Next audit: ${audit.kind} on ${audit.date}` : 'No external audit ahead',
          vscode.TreeItemCollapsibleState.None,
        );
        item.description = audit
          ? `${audit.daysLeft} day${audit.daysLeft === 1 ? '' : 's'} left · ${audit.verdict === 'ready' ? 'ready' : `${audit.blockers} blocking`}`
          : summary.noAudit;
        item.iconPath = new vscode.ThemeIcon('calendar', audit?.verdict === 'blocked' ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.tooltip =
          summary.certifiedOn !== undefined ? `Certified on ${summary.certifiedOn}; the certificate runs to ${summary.expiresOn}.` : summary.noAudit;
        item.contextValue = 'certification.audit';
        return item;
      }
      case 'blockers': {
        const count = summary.nextAudit?.blockers ?? 0;
        const item = new vscode.TreeItem(
          count === 0 ? 'Nothing blocks the audit' : `Blocks the audit (${count})`,
          count === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.iconPath = new vscode.ThemeIcon(
          count === 0 ? 'pass-filled' : 'error',
          new vscode.ThemeColor(count === 0 ? 'testing.iconPassed' : 'list.errorForeground'),
        );
        item.contextValue = 'certification.blockers';
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.group.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.group.items.length);
        item.contextValue = `certification.section.${node.group.section}`;
        return item;
      }
      case 'blocker': {
        const item = new vscode.TreeItem(node.item.message, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.item.message;
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        if (node.item.location) item.command = openCommand(summary, node.item.location);
        return item;
      }
      case 'nonconformities': {
        const count = summary.openNonconformities.length;
        const item = new vscode.TreeItem(
          `Open nonconformities (${count})`,
          count === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.iconPath = new vscode.ThemeIcon('issues');
        item.contextValue = 'certification.nonconformities';
        return item;
      }
      case 'nonconformity': {
        const { nc } = node;
        const item = new vscode.TreeItem(nc.id, vscode.TreeItemCollapsibleState.None);
        item.description = [nc.grade, nc.clause, nc.state === 'overdue' ? `overdue since ${nc.due}` : nc.due !== undefined ? `due ${nc.due}` : undefined]
          .filter((part) => part !== undefined)
          .join(' · ');
        item.tooltip = [nc.summary, nc.documentId !== undefined ? `Raised in ${nc.documentId}` : undefined].filter((part) => part !== undefined).join('\n');
        item.iconPath = new vscode.ThemeIcon(
          nc.state === 'overdue' ? 'warning' : 'circle-large-outline',
          nc.state === 'overdue' ? new vscode.ThemeColor('list.warningForeground') : undefined,
        );
        item.resourceUri = uriOf(summary, nc.location.path);
        item.command = openCommand(summary, nc.location);
        item.contextValue = `certification.nonconformity.${nc.state}`;
        return item;
      }
      case 'review': {
        const review = summary.lastManagementReview!;
        const item = new vscode.TreeItem(`Last management review: ${review.date}`, vscode.TreeItemCollapsibleState.None);
        item.description = review.documentId;
        item.iconPath = new vscode.ThemeIcon('organization');
        item.command = openCommand(summary, review.location);
        return item;
      }
    }
  }
}

function uriOf(summary: CertificationSummary, path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.file(summary.root), ...path.split('/'));
}

function openCommand(summary: CertificationSummary, location: SummaryLocation): vscode.Command {
  return { title: 'Open', command: 'vscode.open', arguments: [uriOf(summary, location.path), { selection: toRange(location.range) }] };
}

/** The summary's ranges are 1-based lines and columns, as the core keeps them; VS Code counts from 0. */
function toRange(range: SourceRange | undefined): vscode.Range {
  if (!range) return new vscode.Range(0, 0, 0, 0);
  const zeroBased = (value: number): number => Math.max(0, value - 1);
  return new vscode.Range(zeroBased(range.start.line), zeroBased(range.start.column), zeroBased(range.end.line), zeroBased(range.end.column));
}
