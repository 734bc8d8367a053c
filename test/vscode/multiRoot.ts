import assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { clausemark, clausemarkDiagnostics, ruleOf, waitFor } from './helpers.js';

/** A workspace of two folders, each its own SMS with its own clausemark.json. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'clausemark-multi-root', mocha);
  describe('Clausemark in a multi-root workspace', () => {
    const folder = (name: string): vscode.WorkspaceFolder => {
      const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
      assert.ok(found, `folder ${name} is open`);
      return found;
    };

    it('checks each folder against its own configuration', async () => {
      await clausemark();
      const first = vscode.Uri.joinPath(folder('acme-msp').uri, 'sms', 'records', 'incidents', '2026-09-14-major-incident-review.md');
      const second = vscode.Uri.joinPath(folder('second-sms').uri, 'sms', 'incident-process.md');
      const inFirst = await waitFor('clause.unknown in the first folder', () => clausemarkDiagnostics(first).find((d) => ruleOf(d) === 'clause.unknown'));
      const inSecond = await waitFor('clause.unknown in the second folder', () => clausemarkDiagnostics(second).find((d) => ruleOf(d) === 'clause.unknown'));
      assert.equal(inFirst.severity, vscode.DiagnosticSeverity.Error, 'the first folder keeps the default severity');
      assert.equal(inSecond.severity, vscode.DiagnosticSeverity.Warning, "the second folder's config lowers it");
    });

    it('keeps the folders apart: the same id in both is no duplicate', () => {
      const second = vscode.Uri.joinPath(folder('second-sms').uri, 'sms', 'incident-process.md');
      assert.ok(!clausemarkDiagnostics(second).some((d) => ruleOf(d) === 'trace.duplicate-id'));
      assert.equal(
        clausemarkDiagnostics(vscode.Uri.joinPath(folder('second-sms').uri, 'clausemark.json')).length,
        0,
        'coverage rules are off in the second folder',
      );
    });

    it('shows one coverage root per folder', async () => {
      const api = await clausemark();
      const roots = (await api.coverageTree.getChildren()).map((node) => api.coverageTree.getTreeItem(node));
      assert.deepEqual(
        roots.map((item) => item.label),
        ['acme-msp', 'second-sms'],
      );
      assert.match(String(roots[0]?.description), /% covered$/);
    });

    it('shows one node per catalog under a folder with two catalogs, each over its own clauses', async () => {
      const api = await clausemark();
      const tree = api.coverageTree;
      const second = (await tree.getChildren()).find((node) => tree.getTreeItem(node).label === 'second-sms');
      assert.ok(second, 'the second folder has a root');
      const catalogs = await tree.getChildren(second);
      assert.deepEqual(
        catalogs.map((node) => tree.getTreeItem(node).label),
        ['20000: ISO/IEC 20000-1:2018 Service management system requirements', '27001: ISO/IEC 27001:2022 Information security management system requirements'],
      );
      const leaves = async (nodes: readonly (typeof catalogs)[number][]): Promise<vscode.TreeItem[]> => {
        const found: vscode.TreeItem[] = [];
        for (const node of nodes) {
          const item = tree.getTreeItem(node);
          if (item.contextValue === 'clauseGroup') found.push(...(await leaves(await tree.getChildren(node))));
          else if (item.contextValue?.startsWith('clause.')) found.push(item);
        }
        return found;
      };
      const policyOf = async (catalog: (typeof catalogs)[number]): Promise<string[]> =>
        (await leaves(await tree.getChildren(catalog)))
          .filter((item) => item.collapsibleState !== vscode.TreeItemCollapsibleState.None)
          .map((item) => `${String(item.label).split(' ')[0]} ${String(item.description)}`);
      // Only the 27001 node holds the policy's control; 20000-1 has no clause addressed (8.6.4 is unknown).
      assert.deepEqual(await policyOf(catalogs[0]!), []);
      assert.deepEqual(await policyOf(catalogs[1]!), ['A.5.1 covered']);
      // Each catalog node its own figure (1 of 123 leaves of 27001); the folder keeps the primary's.
      assert.deepEqual(
        catalogs.map((node) => tree.getTreeItem(node).description),
        ['0% covered', '0.8% covered'],
      );
      assert.equal(tree.getTreeItem(second).description, '0% covered');
    });
  });
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${process.env.CLAUSEMARK_SUITE_LABEL ?? 'multiroot'}: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} multi-root test(s) failed`));
      else resolve();
    });
  });
}
