import * as vscode from 'vscode';
import type { SessionRegistry } from '../sessionRegistry.js';

/** The coverage percentage in the status bar; clicking it opens the coverage tree. */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('clausemark.coverage', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly registry: SessionRegistry) {
    this.item.name = 'Clausemark coverage';
    this.item.command = 'clausemark.showCoverage';
    registry.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const reports = this.registry.all().flatMap((session) => (session.current ? [session.current.index.coverage()] : []));
    if (reports.length === 0) {
      this.item.hide();
      return;
    }
    const covered = reports.reduce((sum, report) => sum + report.summary.covered, 0);
    const applicable = reports.reduce((sum, report) => sum + report.summary.leaves - report.summary.excluded, 0);
    const percent = applicable === 0 ? 100 : Math.round((covered / applicable) * 1000) / 10;
    this.item.text = `$(checklist) ${percent}%`;
    this.item.tooltip = `Clausemark: ${covered} of ${applicable} leaf clauses covered. Click to open the coverage view.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
