// Extension activation (bench/activation.cjs: bundle load + activate()) beside its peer (loading markdownlint),
// each over fresh processes.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, verdict } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ACTIVATION_LIMIT_MS = 100;

export function benchActivation(runs) {
  const sample = (script) => {
    const values = [];
    for (let i = 0; i < runs; i++) {
      const result = spawnSync(process.execPath, [join(here, script)], { cwd: join(here, '..'), encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
      values.push(JSON.parse(result.stdout).totalMs);
    }
    return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs };
  };
  return { clausemark: sample('activation.cjs'), peer: sample('peerActivation.mjs') };
}

export function activationTable(activation) {
  const { clausemark, peer } = activation;
  const range = (s) => `${s.min.toFixed(1)} / ${s.median.toFixed(1)} / ${s.max.toFixed(1)} ms`;
  return [
    `| Scenario | Clausemark: min / median / max of ${clausemark.runs} | markdownlint (library load) | ratio of medians | Target |`,
    '|---|---:|---:|---:|---|',
    `| extension activation: load dist/extension.cjs + activate() | ${range(clausemark)} | ${range(peer)} | ${(clausemark.median / peer.median).toFixed(2)}× | median < ${ACTIVATION_LIMIT_MS} ms: ${verdict(clausemark.median < ACTIVATION_LIMIT_MS)} |`,
  ].join('\n');
}
