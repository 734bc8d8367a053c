import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mermaidValidator } from '../../src/core/diagrams/mermaidValidator.js';

const validateMermaid = mermaidValidator(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'));
import { readSmsDocument } from '../../src/core/document/readSmsDocument.js';
import { diagramFindings as wordedDiagramFindings } from '../support/readDocument.js';

async function diagramFindings(body: string): Promise<string[]> {
  const read = readSmsDocument('sms/p.md', `---\nid: P\ntitle: P\ntype: process\n---\n${body}`, { inSmsFolder: true });
  assert.ok(read.document);
  const findings = await wordedDiagramFindings(read, validateMermaid);
  return findings.map((f) => `${f.ruleId} ${f.range?.start.line}:${f.range?.start.column}-${f.range?.end.line}:${f.range?.end.column}`);
}

describe('diagram.invalid-mermaid', function () {
  this.timeout(30_000);

  it('reports a mermaid block that does not parse, on the line the parser names', async () => {
    // Lines: 6 "# Flow", 7 blank, 8 fence, 9 flowchart TD, 10 "A --> B -->", 11 fence
    assert.deepEqual(await diagramFindings('# Flow\n\n```mermaid\nflowchart TD\n  A --> B -->\n```\n'), ['diagram.invalid-mermaid 10:1-10:14']);
  });

  it('reports an error in the middle of a flowchart with quoted labels on the line of the mistake, not where the parser notices it', async () => {
    // Lines: 6 fence, 7 flowchart TD, 8 A --> B, 9 the unclosed edge label, 10 B --> C (where the parser notices), 11 fence
    assert.deepEqual(
      await diagramFindings('```mermaid\nflowchart TD\n  A["Log the incident"] --> B{"Major?"}\n  A -->|oops\n  B -->|yes| C["Escalate"]\n```\n'),
      ['diagram.invalid-mermaid 9:1-9:13'],
    );
  });

  it("says in a sentence what is wrong, at the line of the mistake, and keeps the parser's words as detail", async () => {
    const messageOf = async (diagram: string): Promise<{ line: number | undefined; message: string }> => {
      const read = readSmsDocument('sms/p.md', `---\nid: P\ntitle: P\ntype: process\n---\n\`\`\`mermaid\n${diagram}\n\`\`\`\n`, { inSmsFolder: true });
      assert.ok(read.document);
      const [finding, ...rest] = await wordedDiagramFindings(read, validateMermaid);
      assert.ok(finding);
      assert.equal(rest.length, 0);
      // Line 7 is the diagram's first line (`flowchart TD`).
      return { line: finding.range === undefined ? undefined : finding.range.start.line - 6, message: finding.message };
    };
    // The case: a `[` left open; the parser only notices at the `{` of the next shape, a line later.
    const unclosed = await messageOf('flowchart TD\n  A[Log the incident\n  B{Major?} --> C');
    assert.equal(unclosed.line, 2);
    assert.match(
      unclosed.message,
      /^This mermaid diagram does not parse: The label opened with `\[` on this line is not closed; close it with `\]` on the same line\. Parser: Parse error on line 3: Expecting 'SQE', .* got 'DIAMOND_START'$/,
    );
    const quoted = await messageOf('flowchart TD\n  A["Log the incident]\n  B --> C');
    assert.equal(quoted.line, 2);
    assert.match(quoted.message, /The quoted label opened with `"` on this line is not closed/);
    const arrow = await messageOf('flowchart TD\n  A -> B');
    assert.equal(arrow.line, 2);
    assert.match(arrow.message, /This is not an arrow mermaid knows: write `-->`.* Parser: Parse error on line 2: .*got 'MINUS'$/);
    const mismatched = await messageOf('flowchart TD\n  A{Major?] --> B');
    assert.match(mismatched.message, /This shape is closed with `\]`, which does not match the bracket it was opened with \(expected `\}`/);
    const dangling = await messageOf('flowchart TD\n  A --> B -->');
    assert.equal(dangling.line, 2);
    assert.match(dangling.message, /The diagram ends in the middle of a statement: mermaid expected a node name/);
    const unknownType = await messageOf('flowchrt TD\n  A --> B');
    assert.equal(unknownType.line, 1);
    assert.match(unknownType.message, /The first line does not name a diagram type mermaid knows.* Parser: No diagram type detected/);
    const sequence = await messageOf('sequenceDiagram\n  Alice->>Bob Hello (there\n  Bob-->>Alice: Hi');
    assert.equal(sequence.line, 2);
    assert.match(sequence.message, /This line ends before its statement is complete: mermaid expected a message text\. Parser: /);
  });

  it('accepts valid flowcharts and sequence diagrams', async () => {
    assert.deepEqual(
      await diagramFindings(
        '```mermaid\nflowchart TD\n  A[Log] --> B{Major?}\n  B -->|yes| C[Escalate]\n```\n\n```mermaid\nsequenceDiagram\n  Desk->>Manager: escalate\n```\n',
      ),
      [],
    );
  });

  it('accepts valid diagrams of other types, and leaves other languages alone', async () => {
    assert.deepEqual(await diagramFindings('```mermaid\npie title Share\n  "a": 1\n```\n\n```plantuml\n@startuml\nbroken (\n```\n'), []);
  });

  it('reports nothing when the mermaid script cannot be loaded', async () => {
    const read = readSmsDocument('sms/p.md', '---\nid: P\ntitle: P\ntype: process\n---\n```mermaid\nflowchart TD\n  A -->\n```\n', { inSmsFolder: true });
    assert.deepEqual(await wordedDiagramFindings(read, mermaidValidator('/no/such/mermaid.min.js')), []);
  });

  it('runs in the CLI check of the example (whose two flowcharts are valid)', async () => {
    const { checkRepository } = await import('../../src/core/check.js');
    const outcome = await checkRepository({ paths: ['examples/acme-msp'], validateDiagram: validateMermaid, now: () => new Date('2026-11-21T12:00:00Z') });
    assert.ok(outcome.ok);
    const documentsWithDiagrams = outcome.result.index.documents().filter((d) => d.diagrams.length > 0);
    assert.ok(documentsWithDiagrams.length >= 2);
    assert.equal(outcome.result.findings.filter((f) => f.ruleId === 'diagram.invalid-mermaid').length, 0);
  });
});

describe('diagram validation in worker threads', function () {
  this.timeout(60_000);
  const script = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  const worker = new URL('../../src/core/diagrams/mermaidWorker.js', import.meta.url);
  const diagrams = [
    'flowchart TD\n  A["Log"] --> B{"Major?"}',
    'flowchart TD\n  A -->|oops\n  B --> C',
    'sequenceDiagram\n  A->>B: hi',
    'flowchart TD\n  A --> B -->',
    'pie title Share\n  "a": 1',
  ];

  it('gives the same answers inline, with one worker, with many, and when workers cannot start', async () => {
    const answers = async (validate: ReturnType<typeof mermaidValidator>): Promise<unknown[]> =>
      Promise.all(diagrams.map((source) => validate('mermaid', source)));
    const inline = await answers(mermaidValidator(script));
    assert.equal(inline.filter(Boolean).length, 2, 'two of the diagrams are broken');
    const { mermaidWorkerPool } = await import('../../src/core/diagrams/mermaidWorkerPool.js');
    assert.deepEqual(await answers(mermaidWorkerPool(script, worker, 1)), inline);
    assert.deepEqual(await answers(mermaidWorkerPool(script, worker, 3)), inline);
    assert.deepEqual(await answers(mermaidWorkerPool(script, new URL('file:///no/such/worker.js'), 2)), inline);
  });
});

describe('a diagram rule that is off', () => {
  it('parses no diagram at all', async () => {
    const { loadProject } = await import('../../src/core/config/loadProject.js');
    const { WorkspaceIndex } = await import('../../src/core/index/workspaceIndex.js');
    const { MemoryFileSystem } = await import('../support/memoryFileSystem.js');
    const fs = new MemoryFileSystem({
      '/repo/clausemark.json': '{ "rules": { "diagram.invalid-mermaid": "off" } }',
      '/repo/sms/p.md': '---\nid: P\ntitle: P\ntype: process\n---\n```mermaid\nflowchart TD\n  A -->\n```\n',
      '/repo/.git/HEAD': 'x',
    });
    const loaded = await loadProject({ start: '/repo', fs });
    assert.ok(loaded.ok);
    let asked = 0;
    const index = new WorkspaceIndex({
      project: loaded.project,
      fs,
      validateDiagram: async () => {
        asked++;
        return { message: 'x' };
      },
    });
    await index.scan();
    assert.equal(asked, 0);
  });
});
