import type { CliIo } from './cliIo.js';

/** A one-line progress counter on stderr, only for terminals and only for runs long enough to notice. */
export function createProgress(io: CliIo, label: string): { update(done: number, total: number): void; finish(): void } {
  if (!io.stderrIsTTY) return { update: () => undefined, finish: () => undefined };
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < 300 || (now - lastDraw < 100 && done < total)) return;
      lastDraw = now;
      drawn = true;
      io.writeStderr(`\r${label} ${done}/${total} files…`);
    },
    finish() {
      if (drawn) io.writeStderr('\r\x1b[K');
    },
  };
}
