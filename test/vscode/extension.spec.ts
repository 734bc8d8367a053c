import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { daysBetween, isoDay } from '../../src/core/model/dates.js';
import type { ClausemarkApi } from '../../src/extension/extension.js';
import { readXlsx, sheetValues } from '../support/xlsxReader.js';
import { clausemark, clausemarkDiagnostics, editBuffer, rangeText, ruleOf, waitFor, workspaceUri } from './helpers.js';

const INCIDENT_REVIEW = ['sms', 'records', 'incidents', '2026-09-14-major-incident-review.md'];
const SUPPLIER = ['sms', 'processes', 'supplier-management.md'];
const INCIDENT_PROCESS = ['sms', 'processes', 'incident-and-request-management.md'];
const RELEASE = ['sms', 'processes', 'release-and-deployment.md'];
const PROBLEM = ['sms', 'processes', 'problem-management.md'];

describe('Clausemark in VS Code', () => {
  let api: ClausemarkApi;

  before(async () => {
    api = await clausemark();
  });

  describe('diagnostics', () => {
    it('checks every SMS document on activation, not only open ones, at exact ranges', async () => {
      const overdue = await waitFor('the overdue review', () =>
        clausemarkDiagnostics(workspaceUri(...SUPPLIER)).find((d) => ruleOf(d) === 'control.review-overdue'),
      );
      assert.equal(rangeText(overdue.range), '9:13-9:23');
      assert.equal(overdue.severity, vscode.DiagnosticSeverity.Error);
      const unknown = clausemarkDiagnostics(workspaceUri(...INCIDENT_REVIEW)).find((d) => ruleOf(d) === 'clause.unknown');
      assert.ok(unknown, 'clause.unknown on the incident review');
      assert.equal(rangeText(unknown.range), '12:4-12:9');
      assert.match(unknown.message, /did you mean 8\.6\.1, 8\.6\.2, 8\.6\.3/);
    });

    it('links each diagnostic code to its rule documentation', () => {
      const diagnostic = clausemarkDiagnostics(workspaceUri(...SUPPLIER)).find((d) => ruleOf(d) === 'control.review-overdue');
      const code = diagnostic?.code as { value: string; target: vscode.Uri } | undefined;
      assert.equal(code?.target.toString(), 'https://github.com/clausemark/clausemark/blob/main/README.md#controlreview-overdue');
    });

    it('puts repository-level coverage findings on clausemark.json, with related locations', () => {
      const coverage = clausemarkDiagnostics(workspaceUri('clausemark.json'));
      assert.ok(coverage.some((d) => ruleOf(d) === 'coverage.uncovered-clause' && d.message.startsWith('7.6 Knowledge')));
      const draftOnly = coverage.find((d) => d.message.startsWith('8.2.5'));
      assert.equal(draftOnly?.relatedInformation?.[0]?.location.uri.path.endsWith('sms/processes/asset-management.md'), true);
    });

    it('updates from the unsaved buffer as you type, and cross-document findings follow', async () => {
      const review = await vscode.workspace.openTextDocument(workspaceUri(...INCIDENT_REVIEW));
      await vscode.window.showTextDocument(review);
      await editBuffer(review, '- 8.6.4', '- 8.6.1');
      await waitFor('clause.unknown to go away', () => !clausemarkDiagnostics(review.uri).some((d) => ruleOf(d) === 'clause.unknown'));
      assert.equal(review.isDirty, true, 'the check used the unsaved buffer');

      // Giving some document the id PRC-KNOW resolves the unknown `related` id in another document.
      const incident = workspaceUri(...INCIDENT_PROCESS);
      assert.ok(clausemarkDiagnostics(incident).some((d) => ruleOf(d) === 'trace.unknown-related'));
      const asset = await vscode.workspace.openTextDocument(workspaceUri('sms', 'processes', 'asset-management.md'));
      await editBuffer(asset, 'id: PRC-AST', 'id: PRC-KNOW');
      await waitFor('trace.unknown-related to go away', () => !clausemarkDiagnostics(incident).some((d) => ruleOf(d) === 'trace.unknown-related'));
      await editBuffer(asset, 'id: PRC-KNOW', 'id: PRC-AST');
      await waitFor('trace.unknown-related to come back', () => clausemarkDiagnostics(incident).some((d) => ruleOf(d) === 'trace.unknown-related'));
    });

    it('never lets a stale result overwrite a newer one', async () => {
      const review = await vscode.workspace.openTextDocument(workspaceUri(...INCIDENT_REVIEW));
      // Three quick edits; only the last state may be reported.
      await editBuffer(review, '- 8.6.1', '- 8.6.7');
      await editBuffer(review, '- 8.6.7', '- 8.6.8');
      await editBuffer(review, '- 8.6.8', '- 8.6.1');
      await api.settled();
      await new Promise((resolve) => setTimeout(resolve, 800));
      await api.settled();
      assert.equal(clausemarkDiagnostics(review.uri).filter((d) => ruleOf(d) === 'clause.unknown').length, 0);
    });

    it('picks up files created and deleted outside the editor', async () => {
      const release = workspaceUri(...RELEASE);
      assert.ok(clausemarkDiagnostics(release).some((d) => ruleOf(d) === 'evidence.missing-file'));
      const missing = workspaceUri('sms', 'records', 'releases', '2026-10-15-customer-portal-2.4-release-record.md');
      await fs.writeFile(
        missing.fsPath,
        '---\nid: REC-REL-CP-2.4\ntitle: Customer portal 2.4 release\ntype: record\nowner: Release Manager\nstatus: approved\napproved_by: Change Manager\napproved_on: 2026-10-16\ndate: 2026-10-15\nclauses: [8.5.3]\n---\n# Release\n',
      );
      await waitFor('evidence.missing-file to go away', () => !clausemarkDiagnostics(release).some((d) => ruleOf(d) === 'evidence.missing-file'), 20_000);
      await fs.unlink(missing.fsPath);
      await waitFor('evidence.missing-file to come back', () => clausemarkDiagnostics(release).some((d) => ruleOf(d) === 'evidence.missing-file'), 20_000);
    });

    it('reports a mermaid block that does not parse, at the block', async () => {
      const change = await vscode.workspace.openTextDocument(workspaceUri('sms', 'processes', 'change-management.md'));
      const fenceLine = change
        .getText()
        .split('\n')
        .findIndex((line) => line.startsWith('```mermaid'));
      assert.ok(fenceLine > 0, 'the change process has a mermaid flowchart');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(change.uri, new vscode.Position(fenceLine + 2, 0), '    A -->|unclosed edge label\n');
      await vscode.workspace.applyEdit(edit);
      const diagnostic = await waitFor(
        'diagram.invalid-mermaid',
        () => clausemarkDiagnostics(change.uri).find((d) => ruleOf(d) === 'diagram.invalid-mermaid'),
        20_000,
      );
      assert.ok(diagnostic.range.start.line > fenceLine, `on a line inside the block (fence at ${fenceLine}, finding at ${diagnostic.range.start.line})`);
      await vscode.commands.executeCommand('undo');
    });
  });

  describe('clause and document intelligence', () => {
    it('hovers a clause id with its title, documented information and coverage', async () => {
      const uri = workspaceUri(...INCIDENT_PROCESS);
      const document = await vscode.workspace.openTextDocument(uri);
      const position = document.positionAt(document.getText().indexOf('8.6.1'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position.translate(0, 1));
      const text = hovers
        .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')))
        .join('\n');
      assert.match(text, /8\\\.6\\\.1 Incident management/);
      assert.match(text, /Documented information/);
      assert.match(text, /Coverage: .*covered/);
    });

    it('completes clause ids with titles under clauses:', async () => {
      const uri = workspaceUri(...INCIDENT_PROCESS);
      const incident = await vscode.workspace.openTextDocument(uri);
      const clausesLine = incident
        .getText()
        .split('\n')
        .findIndex((line) => line === 'clauses:');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(clausesLine + 1, 0), '  - 8.7\n');
      await vscode.workspace.applyEdit(edit);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(clausesLine + 1, 7),
      );
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('8.7.1'), `8.7.1 offered (${labels.length} items)`);
      const availability = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === '8.7.1');
      assert.equal(typeof availability?.label === 'object' ? availability.label.description : availability?.detail, 'Service availability management');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('goes to the definition of a related id, and finds all references of a clause', async () => {
      const uri = workspaceUri(...INCIDENT_PROCESS);
      const document = await vscode.workspace.openTextDocument(uri);
      const related = document.getText().indexOf('PRC-PRB');
      const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri, document.positionAt(related + 2));
      assert.ok(definitions.some((location) => location.uri.path.endsWith('sms/processes/problem-management.md')));
      const references = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        uri,
        document.positionAt(document.getText().indexOf('8.6.1') + 1),
      );
      assert.ok(references.length >= 2, `${references.length} references of 8.6.1`);
    });

    it('makes evidence paths and related ids clickable', async () => {
      const uri = workspaceUri(...INCIDENT_PROCESS);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
      assert.ok(
        links.some((link) => link.target?.path.endsWith('problem-management.md')),
        'a related id links to its document',
      );
      assert.ok(
        links.some((link) => link.target?.path.includes('/sms/records/')),
        'an evidence path links to its record',
      );
    });

    it('shows a summary lens above the frontmatter', async () => {
      const document = await vscode.workspace.openTextDocument(workspaceUri(...SUPPLIER));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      assert.match(lenses[0]?.command?.title ?? '', /^Clausemark: \d+ clauses? .* review overdue since 2026-08-31/);
    });
  });

  describe('quick fixes', () => {
    it('replaces an unknown clause id with a suggestion, as an undoable edit', async () => {
      const review = await vscode.workspace.openTextDocument(workspaceUri(...INCIDENT_REVIEW));
      await vscode.window.showTextDocument(review);
      await editBuffer(review, '- 8.6.1', '- 8.6.4');
      const diagnostic = await waitFor('clause.unknown', () => clausemarkDiagnostics(review.uri).find((d) => ruleOf(d) === 'clause.unknown'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        review.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.title === 'Change to 8.6.1 Incident management');
      assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(review.getText(), /- 8\.6\.1\n/);
      await waitFor('clause.unknown to go away', () => !clausemarkDiagnostics(review.uri).some((d) => ruleOf(d) === 'clause.unknown')).catch((error: Error) => {
        const left = clausemarkDiagnostics(review.uri)
          .filter((d) => ruleOf(d) === 'clause.unknown')
          .map((d) => `${rangeText(d.range)} ${d.message}`);
        throw new Error(`${error.message}; still: ${left.join(' | ')}; version ${review.version}, dirty ${review.isDirty}`);
      });
      await vscode.commands.executeCommand('undo');
      assert.match(review.getText(), /- 8\.6\.4\n/, 'undo restores the text');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('sets next_review one review cycle ahead after a review', async () => {
      const supplier = await vscode.workspace.openTextDocument(workspaceUri(...SUPPLIER));
      const diagnostic = clausemarkDiagnostics(supplier.uri).find((d) => ruleOf(d) === 'control.review-overdue');
      assert.ok(diagnostic);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        supplier.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.title.startsWith('Reviewed today'));
      assert.ok(fix?.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await waitFor('control.review-overdue to go away', () => !clausemarkDiagnostics(supplier.uri).some((d) => ruleOf(d) === 'control.review-overdue'));
      await vscode.window.showTextDocument(supplier);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });

  describe('views', () => {
    it('shows the clause tree with a status per clause, documents under leaves', async () => {
      await vscode.commands.executeCommand('clausemark.showCoverage');
      const roots = await api.coverageTree.getChildren();
      const labels = roots.map((node) => api.coverageTree.getTreeItem(node).label);
      assert.deepEqual(
        labels.map((label) => String(label).split(' ')[0]),
        ['4', '5', '6', '7', '8', '9', '10'],
      );
      const support = roots[3]!;
      const knowledge = (await api.coverageTree.getChildren(support))
        .map((node) => api.coverageTree.getTreeItem(node))
        .find((item) => String(item.label).startsWith('7.6 '));
      assert.equal(knowledge?.description, 'uncovered');
      const operation = roots[4]!;
      const resolution = (await api.coverageTree.getChildren(operation)).find((node) => String(api.coverageTree.getTreeItem(node).label).startsWith('8.6 '));
      const incident = (await api.coverageTree.getChildren(resolution)).find((node) => String(api.coverageTree.getTreeItem(node).label).startsWith('8.6.1 '));
      const documents = (await api.coverageTree.getChildren(incident)).map((node) => String(api.coverageTree.getTreeItem(node).label));
      assert.ok(
        documents.some((label) => label.startsWith('PRC-INC ')),
        documents.join(', '),
      );
      // 8.6.3 rests on PRC-PRB, approved without `approved_on`: at-risk, with its own icon and the reason in the tooltip.
      const problemNode = (await api.coverageTree.getChildren(resolution)).find((node) =>
        String(api.coverageTree.getTreeItem(node).label).startsWith('8.6.3 '),
      );
      const problem = api.coverageTree.getTreeItem(problemNode!);
      assert.equal(problem.description, 'at-risk');
      assert.equal((problem.iconPath as vscode.ThemeIcon).id, 'shield');
      assert.match(String(problem.tooltip), /PRC-PRB: approval incomplete \(no `approved_on`\)/);
      const prb = (await api.coverageTree.getChildren(problemNode))
        .map((node) => api.coverageTree.getTreeItem(node))
        .find((item) => String(item.label).startsWith('PRC-PRB '));
      assert.equal(prb?.description, 'process · approval incomplete');
    });

    it('filters the tree to gaps', async () => {
      await vscode.commands.executeCommand('clausemark.showGapsOnly');
      type TreeNode = Awaited<ReturnType<typeof api.coverageTree.getChildren>>[number];
      const leavesShown = async (nodes: readonly TreeNode[]): Promise<string[]> => {
        const leaves: string[] = [];
        for (const node of nodes) {
          const item = api.coverageTree.getTreeItem(node);
          if (item.contextValue?.startsWith('clause.')) leaves.push(String(item.label).split(' ')[0] ?? '');
          else if (item.contextValue === 'clauseGroup') leaves.push(...(await leavesShown(await api.coverageTree.getChildren(node))));
        }
        return leaves;
      };
      const gaps = await leavesShown(await api.coverageTree.getChildren());
      await vscode.commands.executeCommand('clausemark.showAllClauses');
      assert.ok(gaps.includes('7.6') && gaps.includes('8.4.2'), gaps.join(', '));
      assert.ok(!gaps.includes('8.6.1'));
    });

    it('shows the next audit, what blocks it and the open nonconformities in the Certification view', async () => {
      await api.settled();
      const tree = api.certificationTree;
      const top = tree.getChildren().map((node) => ({ node, item: tree.getTreeItem(node) }));
      // The editor judges on the real day; the example's next planned audit is the surveillance audit of 2027-03-08.
      const daysLeft = daysBetween(isoDay(new Date()), '2027-03-08');
      assert.equal(top[0]?.item.label, 'Next audit: surveillance on 2027-03-08');
      assert.match(String(top[0]?.item.description), new RegExp(`^${daysLeft} days? left · \\d+ blocking$`));
      const blocks = top.find(({ item }) => String(item.label).startsWith('Blocks the audit ('));
      assert.ok(blocks, top.map(({ item }) => item.label).join(', '));
      const sections = tree.getChildren(blocks.node).map((node) => ({ node, item: tree.getTreeItem(node) }));
      const ncSection = sections.find(({ item }) => item.label === 'Nonconformities open or overdue by the audit');
      assert.ok(ncSection, sections.map(({ item }) => item.label).join(', '));
      assert.ok(
        tree
          .getChildren(ncSection.node)
          .some((node) => String(tree.getTreeItem(node).label).startsWith('NC-2026-03 (minor, 8.5.1.3): overdue since 2026-09-30')),
      );

      const open = top.find(({ item }) => String(item.label).startsWith('Open nonconformities ('));
      assert.ok(open);
      const ncs = tree.getChildren(open.node).map((node) => tree.getTreeItem(node));
      assert.deepEqual(ncs.map((item) => item.label).sort(), ['NC-2026-03', 'NC-2026-09', 'NC-2026-10', 'NC-2026-11']);
      const overdue = ncs.find((item) => item.label === 'NC-2026-03')!;
      assert.equal(overdue.description, 'minor · 8.5.1.3 · overdue since 2026-09-30');
      // The link opens the audit report at the nonconformity's id.
      const [uri, options] = overdue.command!.arguments as [vscode.Uri, { selection: vscode.Range }];
      assert.equal(uri.toString(), workspaceUri('sms', 'records', 'audits', '2026-03-11-surveillance-audit-report.md').toString());
      assert.equal(rangeText(options.selection), '17:8-17:18');
      assert.equal((await vscode.workspace.openTextDocument(uri)).getText(options.selection), 'NC-2026-03');
    });

    it('draws the traceability diagram in a webview with a strict CSP and local mermaid', async () => {
      await vscode.commands.executeCommand('clausemark.showTraceability', workspaceUri(...INCIDENT_PROCESS));
      const shown = await waitFor('the traceability panel', () => api.traceability());
      assert.match(shown.source, /^flowchart LR/);
      // The page reports what mermaid drew inside the webview, under its CSP.
      const page = await waitFor('the page to draw the diagram', () => api.traceability()?.page, 30_000);
      assert.ok('rendered' in page && page.rendered >= 3, JSON.stringify(page));
      assert.match(shown.source, /8\.6\.1 Incident management/);
      assert.match(shown.source, /PRC-INC: Incident and service request management process/);
      assert.match(shown.html, /Content-Security-Policy" content="default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]+'/);
      assert.doesNotMatch(shown.html, /https?:\/\/(?!.*vscode)/i, 'no remote resources');
      const scripts = [...shown.html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '');
      assert.ok(scripts.length === 2 && scripts.every((attributes) => /nonce="[^"]+"/.test(attributes)), 'every script carries the nonce');
      assert.match(shown.html, /dist\/media\/mermaid\.min\.js/);
    });

    it('escapes document text in the diagram source', async () => {
      const incident = await vscode.workspace.openTextDocument(workspaceUri(...INCIDENT_PROCESS));
      await editBuffer(
        incident,
        'title: Incident and service request management process',
        `title: '<img src=x onerror=alert(1)> %%{init: {"securityLevel": "loose"}}%% click n1 call alert()'`,
      );
      await api.settled();
      const shown = await waitFor(
        'the diagram to show the new title',
        () => {
          const current = api.traceability();
          return current?.source.includes('#60;img') ? current : undefined;
        },
        20_000,
      );
      assert.doesNotMatch(shown.source, /<img|%%\{/);
      assert.doesNotMatch(shown.source, /^\s*click /m, 'no click binding comes from document text');
      const page = await waitFor('the page to draw the hostile title', () => api.traceability()?.page, 30_000);
      assert.ok('rendered' in page, `mermaid drew it as text: ${JSON.stringify(page)}`);
      await vscode.window.showTextDocument(incident);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('exports the coverage report with the CLI renderers', async () => {
      const target = workspaceUri('coverage-export.md');
      await vscode.commands.executeCommand('clausemark.exportCoverage', 'Markdown', target);
      const text = await fs.readFile(target.fsPath, 'utf8');
      assert.match(text, /8\.6\.1/);
      await fs.unlink(target.fsPath);
    });

    it('exports the registers as a workbook with the CLI code', async () => {
      const target = workspaceUri('registers-export.xlsx');
      await vscode.commands.executeCommand('clausemark.exportWorkbook', target);
      const sheets = readXlsx(await fs.readFile(target.fsPath));
      // The example has a certification cycle, so its nonconformity register and audit programme are sheets too.
      assert.deepEqual(
        sheets.map((sheet) => sheet.name),
        ['Coverage', 'Documents', 'Evidence', 'Findings', 'Nonconformities', 'Audit programme'],
      );
      const coverage = sheetValues(sheets[0]!, 7);
      assert.ok(
        coverage.some((row) => row[1] === '8.6.1'),
        'clause 8.6.1 is in the coverage sheet',
      );
      await fs.unlink(target.fsPath);
    });

    it('creates a new SMS document from a template', async () => {
      await vscode.commands.executeCommand('clausemark.newDocument', { type: 'procedure', title: 'Major incident procedure', id: 'PRO-MAJOR-INCIDENT' });
      const created = workspaceUri('sms', 'procedures', 'major-incident-procedure.md');
      const text = await fs.readFile(created.fsPath, 'utf8');
      assert.match(text, /^---\nid: PRO-MAJOR-INCIDENT\ntitle: Major incident procedure\ntype: procedure\n/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await fs.unlink(created.fsPath);
    });
  });

  // Last: it restarts the server, which the other tests need not live through.
  describe('the language server', () => {
    it('runs in a process of its own, and comes back with its state when it crashes', async () => {
      const first = await api.serverPid();
      assert.notEqual(first, process.pid, 'not in the extension host');
      process.kill(first, 'SIGKILL');
      const second = await waitFor(
        'the client to restart the server',
        async () => {
          try {
            const pid = await api.serverPid();
            return pid !== first ? pid : undefined;
          } catch {
            return undefined;
          }
        },
        30_000,
      );
      assert.notEqual(second, first);
      await api.settled();
      // The new server read the SMS again: a cross-document finding on a file nobody opened is back…
      await waitFor(
        'trace.unknown-related from the new server',
        () => clausemarkDiagnostics(workspaceUri(...INCIDENT_PROCESS)).some((d) => ruleOf(d) === 'trace.unknown-related'),
        30_000,
      );
      // …and it follows edits: an unknown clause typed into a buffer is reported, and goes when mended.
      const problem = await vscode.workspace.openTextDocument(workspaceUri(...PROBLEM));
      await editBuffer(problem, '  - 8.6.3', '  - 8.6.9');
      await waitFor(
        'clause.unknown from the new server',
        () => clausemarkDiagnostics(problem.uri).some((d) => ruleOf(d) === 'clause.unknown' && d.message.includes('8.6.9')),
        30_000,
      );
      await editBuffer(problem, '  - 8.6.9', '  - 8.6.3');
      await waitFor('clause.unknown to go away', () => !clausemarkDiagnostics(problem.uri).some((d) => ruleOf(d) === 'clause.unknown'));
    });
  });
});
