// Loaded with `node --import` into every measured process: on exit it writes the process's peak
// resident memory (KB) to $BENCH_RSS_FILE, so the CLI and the peers are measured the same way.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
