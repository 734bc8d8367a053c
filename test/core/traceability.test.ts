import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { checkStandaloneDocument } from '../../src/core/checkStandalone.js';
import { mermaidValidator } from '../../src/core/diagrams/mermaidValidator.js';
import { mermaidFlowchart, mermaidText } from '../../src/core/traceability/mermaidFlowchart.js';
import { traceabilityGraph } from '../../src/core/traceability/traceabilityGraph.js';
import { documentText, indexOf } from '../support/repository.js';

const validate = mermaidValidator(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'));

describe('traceability diagrams', () => {
  it('writes every character mermaid could read as markup as an entity code', () => {
    const hostile = 'A "quoted" <script>alert(1)</script> %%{init: {"securityLevel":"loose"}}%% `md` #1; [x] {y} |z| click\nnewline';
    const text = mermaidText(hostile);
    assert.doesNotMatch(text, /["<>%`[\]{}|\n]/);
    assert.match(text, /^A #34;quoted#34; #60;script#62;/);
  });

  it('draws clause → document → evidence for one document, with generated node ids only', async () => {
    const { index } = await indexOf({
      'sms/inc.md': documentText({
        id: 'PRC-"X"',
        title: '"<img src=x onerror=alert(1)>"',
        evidence: '\n  - path: ../records/r.md\n    clause: 8.6.1\n    date: 2026-10-01',
      }),
      'records/r.md': documentText({ id: 'REC-1', type: 'record', date: '2026-10-01' }),
    });
    const graph = traceabilityGraph({ kind: 'document', path: 'sms/inc.md' }, index.documents(), index.catalog, index.coverage());
    assert.deepEqual(
      graph.nodes.map((n) => [n.key, n.kind]),
      [
        ['n1', 'document'],
        ['n2', 'clause'],
        ['n3', 'evidence'],
      ],
    );
    assert.deepEqual(graph.edges, [
      { from: 'n2', to: 'n1' },
      { from: 'n1', to: 'n3' },
    ]);
    assert.equal(graph.nodes[2]?.path, 'records/r.md');
    const source = mermaidFlowchart(graph);
    assert.doesNotMatch(source, /<img|"X"/);
    assert.equal(await validate('mermaid', source), undefined, 'the diagram parses');
  });

  it('labels evidence by its repository path and draws missing evidence in its own class', async () => {
    const { index } = await indexOf({
      'sms/processes/inc.md': documentText({
        evidence:
          '\n  - path: ../../records/r.md\n    clause: 8.6.1\n    date: 2026-10-01\n  - path: ../../records/gone.md\n    clause: 8.6.1\n    date: 2026-10-01',
      }),
      'records/r.md': '# A record\n',
    });
    const graph = traceabilityGraph({ kind: 'document', path: 'sms/processes/inc.md' }, index.documents(), index.catalog, index.coverage());
    const evidence = graph.nodes.filter((n) => n.kind === 'evidence').map((n) => [n.label, n.status]);
    assert.deepEqual(evidence, [
      ['records/r.md', 'current'],
      ['records/gone.md', 'missing'],
    ]);
    const source = mermaidFlowchart(graph);
    assert.match(source, /^ {2}class n4 evidence_missing$/m);
    assert.match(source, /^ {2}classDef evidence_missing [^\n]*stroke-dasharray/m);
    assert.equal(await validate('mermaid', source), undefined);
  });

  it('shows a clause family with its uncovered leaves', async () => {
    const { index } = await indexOf({ 'sms/inc.md': documentText() });
    const graph = traceabilityGraph({ kind: 'family', clause: '8.6' }, index.documents(), index.catalog, index.coverage());
    assert.deepEqual(
      graph.nodes.filter((n) => n.kind === 'clause').map((n) => [n.label.split(' ')[0], n.status]),
      [
        ['8.6.1', 'partial'],
        ['8.6.2', 'uncovered'],
        ['8.6.3', 'uncovered'],
      ],
    );
    assert.equal(await validate('mermaid', mermaidFlowchart(graph)), undefined);
  });
});

describe('a single file with no folder', () => {
  it('gets the single-document checks only', async () => {
    const findings = await checkStandaloneDocument(
      '/tmp/notes/inc.md',
      documentText({ clauses: '\n  - 8.6.4', related: '[PRC-NONE]', evidence: '\n  - path: ../nowhere.md' }),
    );
    const rules = findings.map((f) => f.ruleId).sort();
    assert.ok(rules.includes('clause.unknown'));
    assert.ok(!rules.some((rule) => rule.startsWith('coverage.') || rule === 'trace.unknown-related' || rule === 'evidence.missing-file'), rules.join(', '));
  });

  it('leaves ordinary Markdown alone', async () => {
    assert.deepEqual(await checkStandaloneDocument('/tmp/README.md', '# Notes\n\nNothing to see.\n'), []);
  });
});
