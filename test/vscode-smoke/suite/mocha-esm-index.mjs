// ESM variant of mocha-index.cjs, shaped like a compiled TypeScript suite in a
// "type": "module" package: `import Mocha from 'mocha'` is a bare specifier resolved
// by Node from the repository's node_modules, and the spec file is ESM as well.
// Needs VS Code >= 1.100 (ESM test runners / extensions; older hosts only require()).
import Mocha from 'mocha';
import { fileURLToPath } from 'node:url';

export async function run() {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20000 });
  mocha.addFile(fileURLToPath(new URL('./smoke.spec.mjs', import.meta.url)));
  await mocha.loadFilesAsync(); // import() the ESM spec; sets up describe/it globals first
  const failures = await new Promise((resolve) => mocha.run(resolve));
  if (failures) throw new Error(`${failures} mocha test(s) failed`);
}
