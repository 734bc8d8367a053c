import Mocha from 'mocha';

/** Entry point the extension host calls (same contract for @vscode/test-electron and the offline runner). */
export async function run(): Promise<void> {
  const grep = process.env.CLAUSEMARK_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  // Give the spec modules describe/it before they are evaluated.
  mocha.suite.emit('pre-require', globalThis, 'clausemark-integration', mocha);
  // First, while the workspace is as copied: nothing may be written by merely using the extension.
  await import('./nothingWritten.spec.js');
  await import('./extension.spec.js');
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(
        `${process.env.CLAUSEMARK_SUITE_LABEL ?? 'integration'}: ${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`,
      );
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
