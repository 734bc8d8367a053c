import * as vscode from 'vscode';

/** The coverage percentage in the status bar (text from the server); clicking it opens the coverage tree. */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('clausemark.coverage', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly fetch: () => Promise<{ text: string; tooltip: string } | null>) {
    this.item.name = 'Clausemark coverage';
    this.item.command = 'clausemark.showCoverage';
  }

  async refresh(): Promise<void> {
    const content = await this.fetch();
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
