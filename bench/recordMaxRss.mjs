// Loaded with `node --import` into every measured process: on exit it writes the process's peak resident
// memory (KB) and CPU time (ms, user + system, all threads) to $BENCH_RSS_FILE as JSON, so the CLI and the
// peers are measured the same way. CPU time is kept beside wall time because a shared machine's load
// inflates wall time but hardly CPU time.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
