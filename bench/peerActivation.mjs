// The peer for activation time: loading markdownlint, the engine the markdownlint VS Code extension loads
// when it activates. One process per measurement; prints milliseconds as JSON.
const started = process.hrtime.bigint();
await import('markdownlint/sync');
process.stdout.write(JSON.stringify({ totalMs: Number(process.hrtime.bigint() - started) / 1e6 }));
