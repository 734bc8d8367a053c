import * as vscode from 'vscode';
import type { CheckResult } from '../core/check.js';
import type { ReportInput } from '../core/reports/reportInput.js';
import { workbookOfCheck } from '../core/reports/workbookRows.js';
import type { renderXlsx } from '../core/reports/xlsxWorkbook.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { FolderSession } from './folderSession.js';

/**
 * `clausemark.exportWorkbook`: the registers of the folder as an .xlsx workbook, built by the same core code as
 * `clausemark export --format xlsx` from the editor's check of the whole folder.
 */
export async function exportWorkbook(session: FolderSession, writerBundle: string, target?: vscode.Uri): Promise<void> {
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(session.folder.uri, 'registers.xlsx'), filters: { 'Excel workbook': ['xlsx'] } }));
  if (!uri) return;
  await session.settled();
  const state = session.current;
  if (!state) return;
  const { index, project } = state;
  const result: CheckResult = {
    project,
    index,
    findings: index.allFindings(),
    inScope: () => true,
    scopes: [''],
    coverage: index.coverage(),
    catalogs: index.catalogCoverages(),
    stats: { files: index.paths().length, documents: index.documents().length },
    today: index.today,
  };
  const input: ReportInput = { findings: result.findings, coverage: result.coverage, catalog: project.catalog, root: project.root, stats: result.stats, today: result.today, toolVersion: packageJson.version };
  // exceljs and its zip libraries are a bundle of their own (dist/xlsxWorkbook.cjs), loaded on first export:
  // inside the extension's bundle they tripled its activation time.
  const { renderXlsx: render } = require(writerBundle) as { renderXlsx: typeof renderXlsx };
  await vscode.workspace.fs.writeFile(uri, await render(workbookOfCheck(result, input), { toolVersion: input.toolVersion, created: input.today }));
  void vscode.window.showInformationMessage(`Clausemark: workbook written to ${vscode.workspace.asRelativePath(uri)}.`);
}
