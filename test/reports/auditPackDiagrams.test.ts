import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildAuditPack, type AuditPack } from '../../src/core/audit/auditPack.js';
import { checkRepository } from '../../src/core/check.js';
import { withIndefiniteArticle } from '../../src/core/text/indefiniteArticle.js';
import { diagramLegend } from '../../src/core/traceability/diagramStyle.js';
import { mermaidFlowchart } from '../../src/core/traceability/mermaidFlowchart.js';
import type { TraceGraph } from '../../src/core/traceability/traceabilityGraph.js';
import { acmeResult } from './acme.js';
import { documentText, indexOf } from '../support/repository.js';
import { generatedRepository } from './packSupport.js';

/** Node ids defined in a flowchart's source (`  n12["…"]`). */
function nodeIds(source: string): string[] {
  return [...source.matchAll(/^ {2}(n\d+)[[(]/gm)].map((match) => match[1] ?? '');
}

function diagramsOf(pack: AuditPack) {
  return pack.families.flatMap((family) => family.diagrams);
}

/** What every drawn diagram of a pack must satisfy, whatever the repository. */
function assertDrawable(pack: AuditPack): void {
  const seen = new Set<string>();
  for (const diagram of diagramsOf(pack)) {
    assert.ok(!seen.has(diagram.id), `ids are unique: ${diagram.id}`);
    seen.add(diagram.id);
    // Mermaid's limits: maxEdges 500, maxTextSize 50,000.
    assert.ok(diagram.source.length < 50_000, `${diagram.id} is ${diagram.source.length} characters`);
    assert.ok((diagram.source.match(/ -(?:->|\.->) /g) ?? []).length < 500, `${diagram.id} has too many edges`);
    const ids = nodeIds(diagram.source);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.match(diagram.source, new RegExp(`^ {2}click ${id} href "[^"\\s]+"$`, 'm'), `${diagram.id}: node ${id} is a link`);
    for (const [, className] of diagram.source.matchAll(/^ {2}class \S+ (\S+)$/gm)) {
      assert.ok(
        diagram.legend.some((entry) => entry.className === className),
        `${diagram.id}: the legend explains ${className}`,
      );
    }
    assert.doesNotMatch(diagram.source, /\[\("\.\.\//, 'evidence is never labelled by a ../ path');
  }
}

describe('the audit pack diagrams', function () {
  this.timeout(120_000);

  it('split the example by clause, in catalog order, each node a link, missing evidence drawn apart with a legend', async () => {
    const pack = buildAuditPack(await acmeResult(), { toolVersion: '0.1.0', outputFolder: '/tmp/pack' });
    assertDrawable(pack);
    const family8 = pack.families.find((family) => family.id === '8');
    assert.ok(family8 && family8.diagrams.length > 1, 'family 8 is split');
    const order = family8.diagrams.flatMap((diagram) => diagram.clauses);
    assert.deepEqual(
      order,
      family8.clauses.map((clause) => clause.clause),
      'every clause once, in catalog order',
    );
    const release = family8.diagrams.find((diagram) => diagram.clauses.includes('8.5.3'));
    assert.ok(release);
    assert.match(
      release.source,
      /\[\("sms\/records\/releases\/2026-10-15-customer-portal-2\.4-release-record\.md"\)\]/,
      'missing evidence is labelled by its repository path',
    );
    const missing = /^ {2}(n\d+)\[\("sms\/records\/releases\/2026-10-15/m.exec(release.source)?.[1];
    assert.match(release.source, new RegExp(`^ {2}class [^ ]*\\b${missing}\\b[^ ]* evidence_missing$`, 'm'));
    assert.match(release.source, /classDef evidence_missing [^\n]*stroke-dasharray/);
    assert.match(release.source, /classDef evidence_current (?![^\n]*stroke-dasharray)/, 'present evidence is not dashed');
    assert.ok(release.legend.some((entry) => entry.label === 'evidence: missing'));
    // Present evidence that is an SMS document is labelled by its title.
    assert.match(release.source, /\[\("Release record #8211; Managed Backup 1\.0"\)\]/);
    // The same repository gives the same diagrams.
    assert.deepEqual(diagramsOf(buildAuditPack(await acmeResult(), { toolVersion: '0.1.0', outputFolder: '/tmp/pack' })), diagramsOf(pack));
  });

  it('keep a 1,000-document repository within mermaid limits, family 8 included', async () => {
    const repository = await generatedRepository(1000);
    try {
      const outcome = await checkRepository({ paths: [repository], now: () => new Date('2026-11-21T12:00:00Z') });
      assert.ok(outcome.ok);
      const pack = buildAuditPack(outcome.result, { toolVersion: '0.1.0', outputFolder: `${repository}/audit-pack` });
      assertDrawable(pack);
      const family8 = pack.families.find((family) => family.id === '8');
      assert.ok(family8);
      // Every claim of a family-8 clause is drawn somewhere.
      for (const clause of family8.clauses) {
        const drawn = family8.diagrams
          .filter((diagram) => diagram.clauses.includes(clause.clause))
          .map((diagram) => diagram.source)
          .join('\n');
        for (const document of clause.documents) assert.ok(drawn.includes(`("${document.id}:`), `${clause.clause}: ${document.id} is drawn`);
      }
      assert.ok(
        family8.diagrams.some((diagram) => / \(part 2 of \d+\)$/.test(diagram.caption)),
        'a clause with many documents is drawn in parts',
      );
    } finally {
      rmSync(dirname(repository), { recursive: true, force: true });
    }
  });

  it('styles a state it does not know (a new clause state) by name, and puts it in the legend', () => {
    const graph: TraceGraph = {
      nodes: [
        { key: 'n1', kind: 'clause', label: '8.1 Planning', status: 'at-risk' },
        { key: 'n2', kind: 'clause', label: '8.2 Other', status: 'brand new' },
        { key: 'n3', kind: 'evidence', label: 'records/r.md', status: 'missing', href: '../records/r.md' },
      ],
      edges: [],
    };
    const source = mermaidFlowchart(graph);
    assert.match(source, /^ {2}classDef clause_at_risk fill:/m);
    assert.match(source, /^ {2}classDef clause_brand_new fill:/m);
    assert.match(source, /^ {2}class n2 clause_brand_new$/m);
    assert.match(source, /^ {2}click n3 href "\.\.\/records\/r\.md"$/m);
    assert.deepEqual(
      diagramLegend(graph).map((entry) => entry.label),
      ['clause: at-risk', 'clause: brand new', 'evidence: missing'],
    );
  });

  it('writes a link target so it cannot end the mermaid string', () => {
    const source = mermaidFlowchart({ nodes: [{ key: 'n1', kind: 'document', label: 'x', href: 'a" b;\nclick n1 call alert()' }], edges: [] });
    assert.match(source, /^ {2}click n1 href "a%22%20b%3B%0Aclick%20n1%20call%20alert\(\)"$/m);
  });
});

describe('indefinite articles in messages', () => {
  it('reads "an agreement", "a plan", "an SLA", "a UC", "a user guide", "an hour"', () => {
    assert.deepEqual(['agreement', 'plan', 'SLA', 'UC', 'user guide', 'hour', 'record or register', 'OLA', 'procedure'].map(withIndefiniteArticle), [
      'an agreement',
      'a plan',
      'an SLA',
      'a UC',
      'a user guide',
      'an hour',
      'a record or register',
      'an OLA',
      'a procedure',
    ]);
  });

  it('writes "needs an agreement" in a clause gap', async () => {
    const catalog = JSON.stringify({
      id: 'mini',
      title: 'Mini',
      clauses: [
        { id: '1', title: 'Group' },
        { id: '1.1', title: 'Service levels', parent: '1', documents: [{ description: 'agreed service levels', types: ['agreement'] }] },
      ],
    });
    const { index } = await indexOf({
      'clausemark.json': '{ "catalog": "./catalog.json" }',
      'catalog.json': catalog,
      'sms/p.md': documentText({ clauses: '\n  - 1.1' }),
    });
    assert.deepEqual(
      index.coverage().clauses[0]?.reasons.map((reason) => reason.text),
      ['needs an agreement: agreed service levels'],
    );
  });
});
