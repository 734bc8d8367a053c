import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRepository, type CheckResult } from '../../src/core/check.js';
import type { ReadResult } from '../../src/core/document/readSmsDocument.js';
import type { DocumentCache } from '../../src/core/index/documentCache.js';
import { FileDocumentCache } from '../../src/core/index/fileDocumentCache.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, TODAY } from '../support/repository.js';

/** Counts how often the cache answered, so a test knows the second run really came from it. */
class CountingCache implements DocumentCache {
  hits = 0;
  constructor(private readonly inner: DocumentCache) {}
  get(hash: string, text: string): ReadResult | undefined {
    const found = this.inner.get(hash, text);
    if (found) this.hits++;
    return found;
  }
  set(hash: string, result: ReadResult): void {
    this.inner.set(hash, result);
  }
}

/** Everything a check reports, in a form `deepEqual` compares field by field (ranges included). */
function outcomeOf(result: CheckResult): unknown {
  return {
    findings: result.findings,
    coverage: result.coverage,
    documents: result.index.documents().map((document) => ({ ...document, fields: [...document.fields] })),
    reads: result.index.paths().map((path) => {
      const { lines: _lines, document: _document, ...rest } = result.index.readResult(path) ?? { lines: undefined, document: undefined };
      return rest;
    }),
  };
}

async function check(fs: MemoryFileSystem | undefined, cwd: string, cache?: DocumentCache): Promise<CheckResult> {
  const outcome = await checkRepository({ cwd, now: () => TODAY, ...(fs ? { fs } : {}), ...(cache ? { cache } : {}) });
  assert.ok(outcome.ok, 'the check runs');
  return outcome.result;
}

/** The key the cache is signed with (the CLI keeps one per machine). */
const CACHE_KEY = Buffer.alloc(32, 7);

/** Runs without a cache, filling a cache, and from the saved cache; all three must agree exactly. */
async function assertCacheChangesNothing(cwd: string, fs?: MemoryFileSystem): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'clausemark-cache-test-'));
  try {
    const fresh = outcomeOf(await check(fs, cwd));
    const filling = await FileDocumentCache.open(folder, 'test', CACHE_KEY);
    const filled = outcomeOf(await check(fs, cwd, filling));
    await filling.save();
    const reopened = new CountingCache(await FileDocumentCache.open(folder, 'test', CACHE_KEY));
    const fromCache = await check(fs, cwd, reopened);
    assert.ok(reopened.hits > 0 && reopened.hits === fromCache.stats.files, `every file came from the cache (${reopened.hits} of ${fromCache.stats.files})`);
    assert.deepEqual(filled, fresh);
    assert.deepEqual(outcomeOf(fromCache), fresh);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the document cache', () => {
  it('gives exactly the same findings, coverage and documents as no cache on the example repository', async () => {
    await assertCacheChangesNothing('examples/acme-msp');
  });

  it('gives exactly the same results for CRLF files, a BOM, broken YAML and findings with related places', async () => {
    const fs = new MemoryFileSystem({
      '/repo/clausemark.json': '{ "smsFolders": ["sms/**"] }\n',
      '/repo/.git/HEAD': 'ref: refs/heads/main\n',
      '/repo/sms/crlf.md': documentText({ id: 'PRC-CRLF' }, '# Purpose\r\n\r\nWhy.\r\n\r\n## Steps ##\r\n').replace(/\n/g, '\r\n'),
      '/repo/sms/bom.md': `\ufeff${documentText({ id: 'PRC-BOM', colour: 'blue' })}`,
      '/repo/sms/broken.md': '---\nid: PRC-BAD\ntitle: [unclosed\n---\n# Broken\n',
      '/repo/sms/duplicate.md': documentText({ id: 'PRC-CRLF', owner: '' }, '# A *marked* heading\n\n```mermaid\nflowchart TD\n  A --> B\n```\n'),
      '/repo/docs/readme.md': '# Just Markdown\n\nNothing to check.\n',
    });
    await assertCacheChangesNothing('/repo', fs);
  });
});
