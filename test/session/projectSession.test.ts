import assert from 'node:assert/strict';
import { ProjectSession, type SessionChange } from '../../src/core/index.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { TODAY } from '../support/repository.js';

const ROOT = '/repo';

function documentText(id: string, related: readonly string[] = []): string {
  return `---\nid: ${id}\ntitle: ${id} title\ntype: process\nowner: X\nstatus: approved\nversion: "1"\napproved_by: Y\napproved_on: 2026-01-01\nnext_review: 2027-01-01\nclauses: [7.6]\n${related.length > 0 ? `related: [${related.join(', ')}]\n` : ''}---\n# ${id}\n`;
}

function repository(): MemoryFileSystem {
  return new MemoryFileSystem({
    [`${ROOT}/sms/a.md`]: documentText('PRC-A', ['PRC-B']),
    [`${ROOT}/sms/b.md`]: documentText('PRC-B'),
    [`${ROOT}/sms/c.md`]: documentText('PRC-C'),
  });
}

/** A session and every change it reported, in order. */
function sessionOn(fs: MemoryFileSystem, debounceMs = 20): { session: ProjectSession; changes: SessionChange[] } {
  const session = new ProjectSession({ folder: ROOT, fs, debounceMs, now: () => TODAY });
  const changes: SessionChange[] = [];
  session.onDidChange((change) => changes.push(change));
  return { session, changes };
}

const rules = (session: ProjectSession, path: string): string[] => session.findingsFor(path).map((finding) => finding.ruleId);

describe('project session (host-free)', () => {
  it('reads the project and reports every path with findings once', async () => {
    const { session, changes } = sessionOn(repository());
    assert.equal(await session.start(), true);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.setupChanged, true);
    assert.ok(session.current, 'the index is ready');
    assert.deepEqual(session.current.index.paths(), ['sms/a.md', 'sms/b.md', 'sms/c.md']);
    assert.ok(!rules(session, 'sms/a.md').includes('trace.unknown-related'));
  });

  it('publishes only the latest of two quick edits, with its version, and the other documents whose findings changed', async () => {
    const { session, changes } = sessionOn(repository());
    await session.start();
    changes.length = 0;
    session.documentChanged('sms/b.md', documentText('PRC-OTHER'), 2);
    session.documentChanged('sms/b.md', documentText('PRC-RENAMED'), 3);
    await session.settled();
    // The edited document is reported on its own first (its diagnostics do not wait), then the others it affected.
    assert.equal(changes.length, 2, 'the older edit was never checked');
    assert.deepEqual(changes[0]?.versions, new Map([['sms/b.md', 3]]));
    assert.deepEqual(changes[0]?.paths, ['sms/b.md']);
    assert.deepEqual(changes[1]?.versions, new Map());
    // a.md relates to PRC-B, which no longer exists; c.md did not change and is not reported.
    assert.deepEqual(changes[1]?.paths, ['sms/a.md']);
    assert.ok(rules(session, 'sms/a.md').includes('trace.unknown-related'));
  });

  it('keeps checking an open buffer over the disk until it is closed', async () => {
    const fs = repository();
    const { session } = sessionOn(fs);
    await session.start();
    session.documentOpened('sms/b.md', documentText('PRC-B'), 1);
    fs.write(`${ROOT}/sms/b.md`, documentText('PRC-GONE'));
    await session.fileEvent('sms/b.md', 'changed');
    await session.settled();
    assert.ok(!rules(session, 'sms/a.md').includes('trace.unknown-related'), 'the buffer still has PRC-B');
    session.documentClosed('sms/b.md');
    await session.settled();
    assert.ok(rules(session, 'sms/a.md').includes('trace.unknown-related'), 'the disk is the truth once closed');
  });

  it('abandons a read in progress when it is started again', async () => {
    const fs = repository();
    for (let n = 0; n < 200; n++) fs.write(`${ROOT}/sms/many/d${n}.md`, documentText(`PRC-${n}`));
    const { session } = sessionOn(fs);
    const first = session.start();
    const second = session.start();
    assert.equal(await first, false);
    assert.equal(await second, true);
    assert.equal(session.current?.index.paths().length, 203);
  });

  it('reports a broken clausemark.json as a set-up problem and recovers when it is fixed', async () => {
    const fs = repository();
    fs.write(`${ROOT}/clausemark.json`, '{ "smsFolders": 5 }');
    const { session, changes } = sessionOn(fs);
    await session.start();
    assert.equal(session.current, undefined);
    assert.equal(session.setupProblems.length, 1);
    assert.match(session.setupProblems[0]?.file ?? '', /clausemark\.json$/);
    fs.write(`${ROOT}/clausemark.json`, '{}');
    changes.length = 0;
    await session.start();
    assert.equal(session.setupProblems.length, 0);
    assert.equal(changes[0]?.setupChanged, true);
    assert.ok(session.current);
  });

  it('re-reads the project when clausemark.json changes on disk', async () => {
    const fs = repository();
    fs.write(`${ROOT}/clausemark.json`, '{}');
    const { session } = sessionOn(fs);
    await session.start();
    fs.write(`${ROOT}/clausemark.json`, JSON.stringify({ rules: { 'trace.unknown-related': 'off' } }));
    fs.write(`${ROOT}/sms/b.md`, documentText('PRC-GONE'));
    await session.fileEvent('clausemark.json', 'changed');
    assert.ok(!rules(session, 'sms/a.md').includes('trace.unknown-related'), 'the rule is off now');
  });
});
