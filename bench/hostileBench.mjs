// A repository a hostile pull request could commit (bench/generateHostileRepository.mjs): 1,000 files mixing
// every shape that once took minutes or gigabytes. Target: a cold check in under 60 s and 1 GB.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArgs } from './checkBench.mjs';
import { generateHostileRepository } from './generateHostileRepository.mjs';
import { measure, times, verdict } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export function hostileCase() {
  const repo = join(here, 'work', 'repo-hostile');
  const generated = generateHostileRepository(repo);
  process.stderr.write(`  [hostile] generated ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB\n`);
  const cold = measure(checkArgs(repo, '--no-cache'), join(here, '..'));
  const met = cold.ms < 60_000 && cold.rssMb < 1024;
  const row = `| hostile repository, ${generated.files} files (${(generated.bytes / 1e6).toFixed(0)} MB) | cold check, no cache | ${times(cold)} | ${cold.rssMb.toFixed(0)} MB | < 60 s and < 1 GB: ${verdict(met)} |`;
  return ['| Repository | Scenario | Clausemark | Peak memory | Target |', '|---|---|---:|---:|---|', row].join('\n');
}
