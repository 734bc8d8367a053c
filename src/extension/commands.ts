import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { isoDay } from '../core/model/dates.js';
import { DOCUMENT_ID_PREFIX, DOCUMENT_TYPES, type DocumentType } from '../core/model/documentTypes.js';
import { documentTemplate } from '../core/templates/documentTemplate.js';
import {
  DocumentInfoRequest,
  ExportCoverageRequest,
  ExportWorkbookRequest,
  FoldersRequest,
  RecheckRequest,
  TraceabilityRequest,
  type CoverageExportFormat,
  type FolderInfo,
} from '../protocol/clausemarkProtocol.js';
import type { CoverageTreeProvider } from './views/coverageTree.js';
import { TraceabilityPanel } from './views/traceabilityPanel.js';

const FOLDER_FOR_TYPE: Record<DocumentType, string> = {
  policy: 'policies',
  plan: 'plans',
  process: 'processes',
  procedure: 'procedures',
  catalogue: 'catalogue',
  agreement: 'agreements',
  register: 'registers',
  record: 'records',
  report: 'records',
  audit: 'audits',
  'management-review': 'reviews',
  other: 'other',
};

/** The commands: each asks the language server, which holds every state; the extension only shows it. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, tree: CoverageTreeProvider, onDidChange: vscode.Event<void>): void {
  const command = (id: string, run: (...args: never[]) => unknown): void => void context.subscriptions.push(vscode.commands.registerCommand(id, run));
  const traceability = (scope: Parameters<typeof TraceabilityPanel.createOrShow>[3]): TraceabilityPanel =>
    TraceabilityPanel.createOrShow(context.extensionUri, (asked) => client.sendRequest(TraceabilityRequest, asked), onDidChange, scope);

  command('clausemark.showCoverage', () => vscode.commands.executeCommand('clausemark.coverage.focus'));
  command('clausemark.showGapsOnly', () => tree.setGapsOnly(true));
  command('clausemark.showAllClauses', () => tree.setGapsOnly(false));
  command('clausemark.recheck', () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Clausemark: checking the SMS', cancellable: false }, () =>
      client.sendRequest(RecheckRequest),
    ),
  );

  // The CodeLens passes the document's URI as a string (it comes from the server).
  command('clausemark.showTraceability', async (uri?: vscode.Uri | string) => {
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : (uri ?? vscode.window.activeTextEditor?.document.uri);
    const info = target ? await client.sendRequest(DocumentInfoRequest, { uri: target.toString() }) : undefined;
    if (!target || !info?.isSmsDocument) {
      void vscode.window.showInformationMessage('Clausemark: open an SMS document to see its traceability.');
      return;
    }
    traceability({ kind: 'document', uri: target.toString() });
  });

  command('clausemark.showTraceabilityAll', async (family?: string) => {
    const folder = await pickFolder(client);
    if (!folder?.ready) return;
    let clause = family;
    if (clause === undefined) {
      const picked = await vscode.window.showQuickPick(
        [{ label: 'The whole SMS', id: '' }, ...folder.clauseGroups.map((group) => ({ label: group.label, id: group.id }))],
        { title: 'Clausemark: traceability of…' },
      );
      if (!picked) return;
      clause = picked.id;
    }
    traceability(clause ? { kind: 'family', folderUri: folder.uri, clause } : { kind: 'all', folderUri: folder.uri });
  });

  command('clausemark.exportCoverage', async (format?: string, target?: vscode.Uri) => {
    const folder = await pickFolder(client);
    if (!folder?.ready) return;
    const formats: Record<string, CoverageExportFormat> = { Markdown: 'md', HTML: 'html', CSV: 'csv', JSON: 'json' };
    const chosen = format ?? (await vscode.window.showQuickPick(Object.keys(formats), { title: 'Clausemark: export the coverage report as…' }));
    const extension = chosen ? formats[chosen] : undefined;
    if (!chosen || !extension) return;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(folder.uri), `coverage.${extension}`),
        filters: { [chosen]: [extension] },
      }));
    if (!uri) return;
    await client.sendRequest(ExportCoverageRequest, { folderUri: folder.uri, format: extension, targetUri: uri.toString() });
    void vscode.window.showInformationMessage(`Clausemark: coverage report written to ${vscode.workspace.asRelativePath(uri)}.`);
  });

  command('clausemark.exportWorkbook', async (target?: vscode.Uri) => {
    const folder = await pickFolder(client);
    if (!folder?.ready) return;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(folder.uri), 'registers.xlsx'),
        filters: { 'Excel workbook': ['xlsx'] },
      }));
    if (!uri) return;
    await client.sendRequest(ExportWorkbookRequest, { folderUri: folder.uri, targetUri: uri.toString() });
    void vscode.window.showInformationMessage(`Clausemark: workbook written to ${vscode.workspace.asRelativePath(uri)}.`);
  });

  command('clausemark.newDocument', async (preset?: { type: DocumentType; title: string; id?: string; folder?: vscode.Uri }) => {
    const folder = await pickFolder(client);
    if (!folder) {
      void vscode.window.showInformationMessage('Clausemark: open a folder to create SMS documents in it.');
      return;
    }
    const type =
      preset?.type ??
      ((await vscode.window.showQuickPick([...DOCUMENT_TYPES], { title: 'Clausemark: new SMS document — what kind?' })) as DocumentType | undefined);
    if (!type) return;
    const title =
      preset?.title ??
      (await vscode.window.showInputBox({
        title: 'Clausemark: title of the new document',
        validateInput: (value) => (value.trim() ? undefined : 'Give the document a title'),
      }));
    if (!title) return;
    const slug =
      title
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'document';
    const suggestedId = `${DOCUMENT_ID_PREFIX[type]}-${slug.toUpperCase().slice(0, 24).replace(/-$/, '')}`;
    const used = new Set(folder.ids);
    const id =
      preset?.id ??
      (await vscode.window.showInputBox({
        title: 'Clausemark: id of the new document',
        value: suggestedId,
        validateInput: (value) =>
          /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/.test(value) ? (used.has(value) ? `${value} is already used` : undefined) : 'Letters, digits and . _ - : / only',
      }));
    if (!id) return;
    const target = preset?.folder ?? vscode.Uri.joinPath(vscode.Uri.parse(folder.rootUri), ...posix.join(folder.smsFolder, FOLDER_FOR_TYPE[type]).split('/'));
    const uri = vscode.Uri.joinPath(target, `${slug}.md`);
    const content = documentTemplate({ id, title, type, today: isoDay(new Date()), reviewCycleMonths: folder.reviewCycleMonths });
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(content) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(`Clausemark: ${vscode.workspace.asRelativePath(uri)} already exists; nothing was changed.`);
      return;
    }
    await vscode.window.showTextDocument(uri);
  });
}

/** The folder of the active editor, else the only folder, else the one the user picks. */
async function pickFolder(client: LanguageClient): Promise<FolderInfo | undefined> {
  const folders = await client.sendRequest(FoldersRequest);
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? (await client.sendRequest(DocumentInfoRequest, { uri: active.toString() })).folderUri : null;
  const owner = folders.find((folder) => folder.uri === fromEditor);
  if (owner) return owner;
  if (folders.length <= 1) return folders[0];
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({ label: folder.name, folder })),
    { title: 'Clausemark: which folder?' },
  );
  return picked?.folder;
}
