// Writes a table between `<!-- name:start -->` and `<!-- name:end -->` in bench/results.md (appended when
// absent), so each measurement rewrites its own section and the rest of the file stays as written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsFile = join(dirname(fileURLToPath(import.meta.url)), 'results.md');

export function recordSection(name, text) {
  const existing = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  const section = `<!-- ${name}:start -->\n${text}\n<!-- ${name}:end -->`;
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  writeFileSync(resultsFile, pattern.test(existing) ? existing.replace(pattern, () => section) : `${existing.trimEnd()}\n\n${section}\n`);
  process.stderr.write(`wrote ${resultsFile} (${name})\n`);
}

export const machineLine = () => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`;
export const loadLine = () => loadavg().map((load) => load.toFixed(1)).join(', ');
export const stamp = () => `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
