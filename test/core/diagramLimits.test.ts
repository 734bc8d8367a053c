import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { MAX_DIAGRAM_CHARS } from '../../src/core/diagrams/diagramLimits.js';
import type { DiagramValidator } from '../../src/core/diagrams/diagramValidator.js';
import { mermaidValidator } from '../../src/core/diagrams/mermaidValidator.js';
import { mermaidWorkerPool } from '../../src/core/diagrams/mermaidWorkerPool.js';
import { readSmsDocument } from '../../src/core/document/readSmsDocument.js';
import { diagramFindings as wordedDiagramFindings } from '../support/readDocument.js';

const script = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const worker = new URL('../../src/core/diagrams/mermaidWorker.js', import.meta.url);

async function findingsOf(body: string, validate: DiagramValidator): Promise<string[]> {
  const read = readSmsDocument('sms/p.md', `---\nid: P\ntitle: P\ntype: process\n---\n${body}`, { inSmsFolder: true });
  assert.ok(read.document);
  const findings = await wordedDiagramFindings(read, validate);
  return findings.map((f) => `${f.ruleId} ${f.range?.start.line} ${f.message}`);
}

// Hostile diagrams must not stall a check: before these limits, `graph TD` and 12 KB of spaces took about
// ten seconds in mermaid's parser (48 KB: 37 s), and every diagram after it waited.
describe('diagram.too-complex: size and time limits', function () {
  this.timeout(120_000);
  const slow = `graph TD${' '.repeat(12_000)}`;
  // Far below the slow diagram's ten seconds, far above what a fresh worker's first real diagram takes on a busy machine.
  const LIMIT_MS = 1500;
  const fine = 'flowchart TD\n  A --> B';
  const broken = 'flowchart TD\n  A --> B -->';

  it('a diagram over the size limit is reported at its fence without being parsed, inline and in the pool', async () => {
    const body = `# Flow\n\n\`\`\`mermaid\ngraph TD\n${'  A --> B\n'.repeat(MAX_DIAGRAM_CHARS / 10)}\`\`\`\n`;
    const expected = [
      `diagram.too-complex 8 This mermaid diagram is too complex to check: it is ${(MAX_DIAGRAM_CHARS + 8).toLocaleString('en')} characters, over the 50,000 Clausemark parses (mermaid does not render more).`,
    ];
    assert.deepEqual(await findingsOf(body, mermaidValidator(script)), expected);
    const pool = mermaidWorkerPool(script, worker, 1);
    try {
      assert.deepEqual(await findingsOf(body, pool), expected);
    } finally {
      await pool.dispose();
    }
  });

  it('a diagram over the time limit is stopped, the worker replaced, and the diagrams queued after it still answered', async () => {
    const pool = mermaidWorkerPool(script, worker, 1, LIMIT_MS);
    try {
      const answers = await Promise.all([fine, slow, broken, fine].map((source) => pool('mermaid', source)));
      assert.equal(answers[0], undefined);
      assert.deepEqual(answers[1], { message: 'parsing it took longer than 1.5 s', tooComplex: true });
      assert.match(answers[2]?.message ?? '', /Parse error/);
      assert.equal(answers[3], undefined);
      const body = `\`\`\`mermaid\n${fine}\n\`\`\`\n\n\`\`\`mermaid\n${slow}\n\`\`\`\n`;
      assert.deepEqual(await findingsOf(body, pool), [
        'diagram.too-complex 11 This mermaid diagram is too complex to check: parsing it took longer than 1.5 s.',
      ]);
    } finally {
      await pool.dispose();
    }
  });

  it('in this thread (where workers cannot start) the same time limit holds, and mermaid is reloaded after it', async () => {
    const inline = mermaidValidator(script, 'sandbox', 'fast', LIMIT_MS);
    const answers = [];
    for (const source of [fine, slow, broken, fine]) answers.push(await inline('mermaid', source));
    assert.equal(answers[0], undefined);
    assert.deepEqual(answers[1], { message: 'parsing it took longer than 1.5 s', tooComplex: true });
    assert.match(answers[2]?.message ?? '', /Parse error/);
    assert.equal(answers[3], undefined);
  });

  it('a worker that exits while parsing: the diagram is reported, a new worker takes the rest', async () => {
    const pool = mermaidWorkerPool(script, new URL('../../../test/support/crashingWorker.mjs', import.meta.url), 1);
    try {
      const answers = await Promise.all(['one', 'crash', 'two', 'crash', 'three'].map((source) => pool('mermaid', source)));
      assert.deepEqual(answers, [
        undefined,
        { message: 'the diagram checker stopped while parsing it (out of memory?)', tooComplex: true },
        undefined,
        { message: 'the diagram checker stopped while parsing it (out of memory?)', tooComplex: true },
        undefined,
      ]);
    } finally {
      await pool.dispose();
    }
  });

  it('disposing the pool answers waiting diagrams "not judged" and stops its workers', async () => {
    const pool = mermaidWorkerPool(script, worker, 1, 60_000);
    const waiting = [pool('mermaid', slow), pool('mermaid', fine)];
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.dispose();
    assert.deepEqual(await Promise.all(waiting), [undefined, undefined]);
  });
});
