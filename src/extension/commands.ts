import { posix } from 'node:path';
import * as vscode from 'vscode';
import { isoDay } from '../core/model/dates.js';
import { DOCUMENT_TYPES, type DocumentType } from '../core/model/documentTypes.js';
import { renderCoverageCsv, renderCoverageHtml, renderCoverageJson, renderCoverageMarkdown } from '../core/reports/index.js';
import { documentTemplate } from '../core/templates/documentTemplate.js';
import packageJson from '../../package.json' with { type: 'json' };
import { exportWorkbook } from './exportWorkbook.js';
import type { FolderSession } from './folderSession.js';
import type { SessionRegistry } from './sessionRegistry.js';
import type { CoverageTreeProvider } from './views/coverageTree.js';
import { TraceabilityPanel } from './views/traceabilityPanel.js';

const FOLDER_FOR_TYPE: Record<DocumentType, string> = {
  policy: 'policies', plan: 'plans', process: 'processes', procedure: 'procedures', catalogue: 'catalogue',
  agreement: 'agreements', register: 'registers', record: 'records', report: 'records', audit: 'audits', 'management-review': 'reviews', other: 'other',
};
const ID_PREFIX: Record<DocumentType, string> = {
  policy: 'POL', plan: 'PLN', process: 'PRC', procedure: 'PRO', catalogue: 'CAT', agreement: 'AGR', register: 'REG', record: 'REC', report: 'RPT', audit: 'AUD', 'management-review': 'MR', other: 'DOC',
};

export function registerCommands(context: vscode.ExtensionContext, registry: SessionRegistry, tree: CoverageTreeProvider): void {
  const command = (id: string, run: (...args: never[]) => unknown): void => void context.subscriptions.push(vscode.commands.registerCommand(id, run));

  command('clausemark.showCoverage', () => vscode.commands.executeCommand('clausemark.coverage.focus'));
  command('clausemark.showGapsOnly', () => tree.setGapsOnly(true));
  command('clausemark.showAllClauses', () => tree.setGapsOnly(false));
  command('clausemark.recheck', () => registry.recheckAll());

  command('clausemark.showTraceability', async (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const session = target ? registry.sessionFor(target) : undefined;
    const path = target ? session?.pathOf(target) : undefined;
    if (!session || path === undefined || !session.current?.index.documentAt(path)) {
      void vscode.window.showInformationMessage('Clausemark: open an SMS document to see its traceability.');
      return;
    }
    await session.settled();
    const id = session.current.index.documentAt(path)?.id?.value ?? path;
    TraceabilityPanel.createOrShow(context.extensionUri, session, { kind: 'document', path }, `Traceability of ${id}`);
  });

  command('clausemark.showTraceabilityAll', async (family?: string) => {
    const session = await pickSession(registry);
    const state = session?.current;
    if (!session || !state) return;
    let clause = family;
    if (clause === undefined) {
      const groups = state.project.catalog.all().filter((entry) => !entry.isLeaf && state.project.catalog.ancestors(entry.id).length <= 1);
      const picked = await vscode.window.showQuickPick(
        [{ label: 'The whole SMS', id: '' }, ...groups.map((group) => ({ label: `${group.id} ${group.title}`, id: group.id }))],
        { title: 'Clausemark: traceability of…' },
      );
      if (!picked) return;
      clause = picked.id;
    }
    const scope = clause ? { kind: 'family' as const, clause } : { kind: 'all' as const };
    TraceabilityPanel.createOrShow(context.extensionUri, session, scope, clause ? `Traceability of ${state.project.catalog.label(clause)}` : 'Traceability of the SMS');
  });

  command('clausemark.exportCoverage', async (format?: string, target?: vscode.Uri) => {
    const session = await pickSession(registry);
    const state = session?.current;
    if (!session || !state) return;
    const formats = { Markdown: 'md', HTML: 'html', CSV: 'csv', JSON: 'json' } as const;
    const chosen = format ?? (await vscode.window.showQuickPick(Object.keys(formats), { title: 'Clausemark: export the coverage report as…' }));
    if (!chosen || !(chosen in formats)) return;
    const extension = formats[chosen as keyof typeof formats];
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(session.folder.uri, `coverage.${extension}`), filters: { [chosen]: [extension] } }));
    if (!uri) return;
    await session.settled();
    const input = { coverage: state.index.coverage(), catalog: state.project.catalog, root: state.project.root, today: isoDay(new Date()), toolVersion: packageJson.version };
    const text = extension === 'md' ? renderCoverageMarkdown(input) : extension === 'html' ? renderCoverageHtml(input) : extension === 'csv' ? renderCoverageCsv(input) : renderCoverageJson(input);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`Clausemark: coverage report written to ${vscode.workspace.asRelativePath(uri)}.`);
  });

  command('clausemark.exportWorkbook', async (target?: vscode.Uri) => {
    const session = await pickSession(registry);
    if (session) await exportWorkbook(session, context.asAbsolutePath('dist/xlsxWorkbook.cjs'), target);
  });

  command('clausemark.newDocument', async (preset?: { type: DocumentType; title: string; id?: string; folder?: vscode.Uri }) => {
    const session = await pickSession(registry);
    if (!session) {
      void vscode.window.showInformationMessage('Clausemark: open a folder to create SMS documents in it.');
      return;
    }
    const type = preset?.type ?? ((await vscode.window.showQuickPick([...DOCUMENT_TYPES], { title: 'Clausemark: new SMS document — what kind?' })) as DocumentType | undefined);
    if (!type) return;
    const title = preset?.title ?? (await vscode.window.showInputBox({ title: 'Clausemark: title of the new document', validateInput: (value) => (value.trim() ? undefined : 'Give the document a title') }));
    if (!title) return;
    const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document';
    const suggestedId = `${ID_PREFIX[type]}-${slug.toUpperCase().slice(0, 24).replace(/-$/, '')}`;
    const id = preset?.id ?? (await vscode.window.showInputBox({ title: 'Clausemark: id of the new document', value: suggestedId, validateInput: (value) => (/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/.test(value) ? (session.current?.index.documentsWithId(value).length ? `${value} is already used` : undefined) : 'Letters, digits and . _ - : / only') }));
    if (!id) return;
    const smsBase = (session.current?.project.config.smsFolders[0] ?? 'sms/**').replace(/\/?\*.*$/, '') || 'sms';
    const folder = preset?.folder ?? vscode.Uri.joinPath(session.uriOf('.'), ...posix.join(smsBase, FOLDER_FOR_TYPE[type]).split('/'));
    const uri = vscode.Uri.joinPath(folder, `${slug}.md`);
    const content = documentTemplate({ id, title, type, today: isoDay(new Date()), reviewCycleMonths: session.current?.project.config.reviewCycleMonths ?? 12 });
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(content) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(`Clausemark: ${vscode.workspace.asRelativePath(uri)} already exists; nothing was changed.`);
      return;
    }
    await vscode.window.showTextDocument(uri);
  });
}

async function pickSession(registry: SessionRegistry): Promise<FolderSession | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? registry.sessionFor(active) : undefined;
  if (fromEditor) return fromEditor;
  const sessions = registry.all();
  if (sessions.length <= 1) return sessions[0];
  const picked = await vscode.window.showQuickPick(sessions.map((session) => ({ label: session.folder.name, session })), { title: 'Clausemark: which folder?' });
  return picked?.session;
}
