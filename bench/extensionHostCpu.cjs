// Runs inside a real VS Code extension host (scripts/vscode-offline/run-tests.mjs loads it as a test suite):
// activates Clausemark on the opened repository, waits until its language server has read every file and the
// host has taken all it published, then writes the CPU time the extension host spent over that span and the
// server process's CPU time (from /proc, worker threads included) to $CLAUSEMARK_BENCH_OUT.
// The host figure is the whole extension host process: built-in extensions running there are counted too.
const vscode = require('vscode');
const { readFileSync, writeFileSync } = require('node:fs');

/** User + system CPU of a process from /proc/PID/stat, in ms (clock ticks are 1/100 s on Linux). */
function processCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function run() {
  const out = process.env.CLAUSEMARK_BENCH_OUT;
  if (!out) throw new Error('CLAUSEMARK_BENCH_OUT is not set');
  const extension = vscode.extensions.getExtension('clausemark.clausemark');
  if (!extension) throw new Error('the Clausemark extension is not installed in this host');
  // Diagnostics reach the host as notifications: the span ends a second after the last change of them (watched
  // through the event, so the harness itself costs next to nothing).
  let lastChange = Date.now();
  const watching = vscode.languages.onDidChangeDiagnostics(() => (lastChange = Date.now()));
  const before = process.cpuUsage();
  const started = Date.now();
  const api = await extension.activate();
  await api.ready;
  // Until the server has answered every change (not api.settled(), which also redraws the views: no user does that).
  await api.client.sendRequest('clausemark/settled');
  while (Date.now() - lastChange < 1000) await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() - lastChange)));
  const host = process.cpuUsage(before);
  watching.dispose();
  const serverCpuMs = processCpuMs(await api.serverPid());
  const count = vscode.languages.getDiagnostics().reduce((sum, [, list]) => sum + list.filter((d) => d.source === 'clausemark').length, 0);
  const result = { hostCpuMs: (host.user + host.system) / 1000, serverCpuMs, wallMs: Date.now() - started, diagnostics: count };
  writeFileSync(out, JSON.stringify(result));
  console.log(`extension host CPU ${result.hostCpuMs.toFixed(0)} ms, server CPU ${serverCpuMs.toFixed(0)} ms, ${count} diagnostics`);
}

module.exports = { run };
