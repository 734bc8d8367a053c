import { dirname } from 'node:path';
import type { renderXlsx } from '../core/reports/xlsxWorkbook.js';
import { TOOL_VERSION } from '../cli/toolVersion.js';
import type { CoverageExportFormat } from '../protocol/clausemarkProtocol.js';
import type { FolderEntry } from './serverWorkspace.js';
import {
  isoDay,
  renderCoverageCsv,
  renderCoverageHtml,
  renderCoverageJson,
  renderCoverageMarkdown,
  workbookOfCheck,
  writeFileSafely,
  type CheckResult,
  type ReportInput,
} from '../core/index.js';

export type WorkbookWriter = () => Promise<typeof renderXlsx>;

/** A clear message for a folder that cannot be exported (not read, or its config is broken). */
function stateOf(folder: FolderEntry): NonNullable<FolderEntry['session']['current']> {
  const state = folder.session.current;
  if (!state) throw new Error(`Clausemark cannot export ${folder.name}: the folder could not be read (see the problems on its clausemark.json).`);
  return state;
}

/** The coverage report of a folder, written where the user chose (they picked the file, so it is replaced; never through a link). */
export async function exportCoverage(folder: FolderEntry, format: CoverageExportFormat, target: string): Promise<void> {
  await folder.session.settled();
  const state = stateOf(folder);
  // With several catalogs, every catalog's matrix, the primary first (as `clausemark coverage` writes them).
  const catalogs = state.index.catalogCoverages();
  const input = {
    coverage: state.index.coverage(),
    catalog: state.project.catalog,
    ...(catalogs.length > 1 ? { catalogs } : {}),
    root: state.project.root,
    today: isoDay(new Date()),
    toolVersion: TOOL_VERSION,
  };
  const text =
    format === 'md'
      ? renderCoverageMarkdown(input)
      : format === 'html'
        ? renderCoverageHtml(input)
        : format === 'csv'
          ? renderCoverageCsv(input)
          : renderCoverageJson(input);
  writeFileSafely(target, text, { root: dirname(target), replace: true });
}

/** The registers of a folder as an .xlsx workbook, built by the same core code as `clausemark export --format xlsx`. */
export async function exportWorkbook(folder: FolderEntry, target: string, writer: WorkbookWriter): Promise<void> {
  await folder.session.settled();
  const { index, project } = stateOf(folder);
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
  const input: ReportInput = {
    findings: result.findings,
    coverage: result.coverage,
    catalog: project.catalog,
    ...(result.catalogs.length > 1 ? { catalogs: result.catalogs } : {}),
    root: project.root,
    stats: result.stats,
    today: result.today,
    toolVersion: TOOL_VERSION,
  };
  const render = await writer();
  writeFileSafely(target, await render(workbookOfCheck(result, input), { toolVersion: input.toolVersion, created: input.today }), {
    root: dirname(target),
    replace: true,
  });
}
