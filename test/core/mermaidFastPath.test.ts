import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { mermaidValidator } from '../../src/core/diagrams/mermaidValidator.js';
import { memoizeMermaidGetConfig } from '../../src/core/diagrams/mermaidConfigMemo.js';
import { mermaidWorkerPool } from '../../src/core/diagrams/mermaidWorkerPool.js';

const script = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const worker = new URL('../../src/core/diagrams/mermaidWorker.js', import.meta.url);

// Valid and broken diagrams of the types SMS documents draw, with front matter, directives and comments,
// in an order where one diagram's settings could leak into the next.
const corpus: readonly string[] = [
  'flowchart TD\n  A["Log the incident"] --> B{"Major?"}\n  B -->|yes| C["Escalate"]\n  B -->|no| D["Resolve"]',
  'flowchart LR\n  A --> B -->',
  'flowchart TD\n  A -->|oops\n  B --> C',
  '%%{init: {"theme": "dark", "flowchart": {"curve": "basis"}}}%%\nflowchart TD\n  A --> B',
  '%%{init: {"theme": "dark"}}%%\nflowchart TD\n  A --> B[unclosed',
  '---\ntitle: Change flow\nconfig:\n  theme: forest\n---\nflowchart TD\n  A --> B',
  '---\ntitle: [broken\n---\nflowchart TD\n  A --> B',
  'flowchart TD\n  %% a comment\n  A --> B\n  subgraph S [Service desk]\n    C --> D\n  end\n  click A "https://example.com"\n  classDef red fill:#f00\n  class A red',
  'flowchart TD\n  subgraph S\n    C --> D\n',
  'graph TD\n  A[(Database)] --> B((Circle)) --> C>Flag] --> D{{Hex}}',
  'sequenceDiagram\n  participant Desk\n  Desk->>Manager: escalate\n  Manager-->>Desk: ack\n  Note over Desk: logged',
  'sequenceDiagram\n  Desk->>: nobody',
  'sequenceDiagram\n  loop Every day\n    A->>B: hi\n',
  'classDiagram\n  class Service {\n    +owner string\n    +review()\n  }\n  Service <|-- Catalogue',
  'classDiagram\n  class Service {\n    +owner string',
  'stateDiagram-v2\n  [*] --> Open\n  Open --> Resolved\n  Resolved --> [*]',
  'stateDiagram-v2\n  [*] --> Open -->',
  'erDiagram\n  SERVICE ||--o{ INCIDENT : has\n  INCIDENT { string id }',
  'erDiagram\n  SERVICE ||--o{ : has',
  'gantt\n  title Review plan\n  dateFormat YYYY-MM-DD\n  section Audit\n  Stage 1 :a1, 2026-01-10, 5d\n  Stage 2 :after a1, 10d',
  'pie title Incidents by priority\n  "P1" : 3\n  "P2" : 12',
  'pie title Incidents\n  "P1" 3',
  'journey\n  title Request\n  section Submit\n    Fill form: 5: User',
  'gitGraph\n  commit\n  branch release\n  commit\n  checkout main\n  merge release',
  'mindmap\n  root((SMS))\n    Policies\n    Processes',
  'timeline\n  title Certification\n  2025 : Stage 1\n  2026 : Stage 2',
  'quadrantChart\n  title Risks\n  x-axis Low --> High\n  y-axis Low --> High\n  Risk A: [0.3, 0.6]',
  'requirementDiagram\n  requirement r1 {\n    id: 1\n    text: the service is available\n    risk: high\n    verifymethod: test\n  }',
  'notADiagram\n  A --> B',
  '',
  'info',
];

describe('mermaid validation: the fast path answers as mermaid.parse does', function () {
  this.timeout(120_000);

  it('finds the getConfig definition to memoize in the installed mermaid, exactly once', () => {
    const source = readFileSync(script, 'utf8');
    const patched = memoizeMermaidGetConfig(source);
    assert.notEqual(patched, source, 'the build changed shape: the validator would run unmemoized (slower, still correct)');
    assert.equal(
      memoizeMermaidGetConfig('var Lt=s(()=>ii({},$x),"getConfig"),Mt=s(()=>ii({},$y),"getConfig");'),
      'var Lt=s(()=>ii({},$x),"getConfig"),Mt=s(()=>ii({},$y),"getConfig");',
      'two candidates: left as shipped',
    );
  });

  it('gives the same answer for every diagram of the corpus, in this thread and in a worker', async () => {
    const asShipped = mermaidValidator(script, 'sandbox', 'as-shipped');
    const fast = mermaidValidator(script);
    const pool = mermaidWorkerPool(script, worker, 1);
    const reference: unknown[] = [];
    for (const source of corpus) reference.push(await asShipped('mermaid', source));
    const broken = reference.filter(Boolean).length;
    assert.ok(broken >= 10 && broken <= corpus.length - 15, `the corpus mixes valid and broken diagrams (${broken} broken)`);
    for (const [i, source] of corpus.entries()) {
      assert.deepEqual(await fast('mermaid', source), reference[i], `in this thread: ${JSON.stringify(source)}`);
      assert.deepEqual(await pool('mermaid', source), reference[i], `in a worker: ${JSON.stringify(source)}`);
    }
  });
});
