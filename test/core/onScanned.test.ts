import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check.js';
import { mermaidValidator } from '../../src/core/diagrams/mermaidValidator.js';
import { mermaidWorkerPool } from '../../src/core/diagrams/mermaidWorkerPool.js';

// The CLI frees its diagram worker in `onScanned`; that is only safe if every diagram is answered by then.
describe('checkRepository onScanned', function () {
  this.timeout(60_000);
  const script = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  const workerScript = new URL('../../src/core/diagrams/mermaidWorker.js', import.meta.url);
  const now = (): Date => new Date('2026-11-21T12:00:00Z');
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'clausemark-scanned-'));
    writeFileSync(join(root, 'clausemark.json'), JSON.stringify({ catalog: 'iso20000-1:2018', smsFolders: ['sms/**'] }));
    mkdirSync(join(root, 'sms'));
    for (let i = 0; i < 12; i++) {
      const diagram = i % 3 === 0 ? 'flowchart TD\n  A --> B -->' : 'flowchart TD\n  A --> B';
      writeFileSync(join(root, 'sms', `p${i}.md`), `---\nid: P-${i}\ntitle: P ${i}\ntype: process\n---\n# P\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n`);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is called once, after every file is read, and a worker pool disposed there leaves the findings as they were', async () => {
    const reference = await checkRepository({ cwd: root, now, validateDiagram: mermaidValidator(script) });
    assert.ok(reference.ok);
    const expected = reference.result.findings.filter((finding) => finding.ruleId === 'diagram.invalid-mermaid');
    assert.equal(expected.length, 4);

    const pool = mermaidWorkerPool(script, workerScript);
    let read = 0;
    const calls: number[] = [];
    const outcome = await checkRepository({
      cwd: root,
      now,
      validateDiagram: pool,
      onProgress: (done) => (read = done),
      onScanned: async () => {
        calls.push(read);
        await pool.dispose();
      },
    });
    assert.ok(outcome.ok);
    assert.deepEqual(calls, [12]);
    assert.deepEqual(JSON.parse(JSON.stringify(outcome.result.findings)), JSON.parse(JSON.stringify(reference.result.findings)));
  });
});
