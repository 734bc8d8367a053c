import * as vscode from 'vscode';
import { catalogStatusBarContent } from '../../core/coverage/editorCoverage.js';
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
    const content = catalogStatusBarContent(this.registry.all().flatMap((session) => (session.current ? [session.current.index.catalogCoverages()] : [])));
    if (!content) {
      this.item.hide();
      return;
    }
    this.item.text = content.text;
    this.item.tooltip = content.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
