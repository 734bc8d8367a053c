import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check.js';
import { nodeFileSystem } from '../../src/core/workspace/nodeFileSystem.js';
import { clausemark, tempRepository } from '../support/cliRunner.js';
import { documentText, indexOf } from '../support/repository.js';

// A hostile repository must not make Clausemark say something untrue: count a folder as evidence, skip a
// document, or fail without saying where.
describe('hostile input: true results', function () {
  this.timeout(120_000);

  it('evidence `path: .`, `..` or a folder is not current evidence', async () => {
    const evidence = (path: string): string => `\n  - path: ${path}\n    clause: 8.6.1\n    date: 2026-11-01`;
    const { index } = await indexOf({
      'sms/a.md': documentText({ id: 'A', evidence: evidence('.') }),
      'sms/b.md': documentText({ id: 'B', evidence: evidence('..') }),
      'sms/c.md': documentText({ id: 'C', evidence: evidence('records') }),
      'sms/records/r.txt': 'a record',
    });
    const findings = index.allFindings().filter((finding) => finding.ruleId.startsWith('evidence.'));
    assert.deepEqual(
      findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.message}`),
      [
        'sms/a.md evidence.missing-file The evidence `.` is not a file (a folder, say); evidence must be a file, so link the record itself.',
        'sms/b.md evidence.missing-file The evidence `..` is not a file (a folder, say); evidence must be a file, so link the record itself.',
        'sms/c.md evidence.missing-file The evidence `records` is not a file (a folder, say); evidence must be a file, so link the record itself.',
      ],
    );
    const clause = index.coverage().clauses.find((entry) => entry.clause === '8.6.1');
    assert.ok(clause);
    assert.deepEqual(
      clause.evidence.filter((link) => link.state === 'current'),
      [],
    );
  });

  it('a Markdown file in an SMS folder whose name is not valid UTF-8 is reported, not skipped', async () => {
    const root = tempRepository({ 'sms/fine.md': documentText({ id: 'FINE' }) });
    try {
      // `caf\xe9.md`: Latin-1, not UTF-8.
      writeFileSync(Buffer.concat([Buffer.from(join(root, 'sms/caf')), Buffer.from([0xe9]), Buffer.from('.md')]), documentText({ id: 'BAD' }));
      const outcome = await checkRepository({ cwd: root, fs: nodeFileSystem, now: () => new Date('2026-11-21T12:00:00Z') });
      assert.ok(outcome.ok);
      const unreadable = outcome.result.findings.filter((finding) => finding.ruleId === 'file.unreadable');
      assert.deepEqual(
        unreadable.map((finding) => `${finding.file} ${finding.severity} ${finding.message}`),
        ['sms/caf\uFFFD.md error This file cannot be checked: its name is not valid UTF-8, so it cannot be opened by name; rename it.'],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const file of ['clausemark.json', 'catalog.json']) {
    it(`a ${file} nested 3,000 levels deep is refused at its file and line, not an internal error`, () => {
      const deep = `{\n  "x":\n${'['.repeat(3000)}${']'.repeat(3000)}\n}\n`;
      const root = tempRepository({
        'sms/p.md': documentText(),
        'clausemark.json': file === 'clausemark.json' ? deep : '{ "catalog": "./catalog.json" }',
        ...(file === 'catalog.json' ? { 'catalog.json': deep } : {}),
      });
      try {
        const result = clausemark(['check', '--no-cache'], root, { timeoutMs: 60_000 });
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, new RegExp(`${file.replace('.', '\\.')}:3:64: the JSON nests deeper than 64 levels`));
        assert.doesNotMatch(result.stderr, /internal error|call stack/i);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('nesting inside strings and comments does not count', async () => {
    const { excessiveJsonNesting } = await import('../../src/core/text/jsonDocument.js');
    assert.equal(excessiveJsonNesting(`{ "a": "${'['.repeat(100)}\\"", // ${'{'.repeat(100)}\n /* ${'['.repeat(100)} */ "b": [[1]] }`), undefined);
    assert.equal(excessiveJsonNesting(`${'['.repeat(65)}`), 64);
  });
});
