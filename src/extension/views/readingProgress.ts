import * as vscode from 'vscode';

/** A progress notification per folder while the language server reads it (it reports files done of total). */
export class ReadingProgress {
  private readonly shown = new Map<string, { report: (done: number, total: number) => void; finish: () => void }>();

  report(folder: string, done: number, total: number): void {
    let entry = this.shown.get(folder);
    if (!entry && done < total) {
      let last = 0;
      let finish: () => void = () => undefined;
      let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Clausemark: reading ${folder}`, cancellable: false },
        (reporter) => {
          progress = reporter;
          return new Promise<void>((resolve) => (finish = resolve));
        },
      );
      entry = {
        report: (doneNow, totalNow) => {
          const percent = totalNow === 0 ? 100 : (doneNow / totalNow) * 100;
          progress?.report({ message: `${doneNow} of ${totalNow} files`, increment: percent - last });
          last = percent;
        },
        finish: () => finish(),
      };
      this.shown.set(folder, entry);
    }
    if (!entry) return;
    entry.report(done, total);
    if (done >= total) {
      entry.finish();
      this.shown.delete(folder);
    }
  }
}
