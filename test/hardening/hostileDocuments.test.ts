import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_NESTING, readOutlineWithMarkdownIt } from '../../src/core/document/outline.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import { readDocument } from '../support/readDocument.js';
import type { Finding } from '../../src/core/model/finding.js';
import { clausemark, tempRepository } from '../support/cliRunner.js';
import { MemoryFileSystem } from '../support/memoryFileSystem.js';
import { documentText, indexOf } from '../support/repository.js';
import { YAML_CASES } from './hostileYamlCases.js';

const NO_STACK = /\n\s+at .+:\d+:\d+/;
/** A run that takes longer than this is a hang, not a slow check: the CLI is killed and the test fails. */
const HANG_MS = 120_000;

function describeRange(finding: Finding): string {
  const range = finding.range;
  return `${finding.ruleId} ${range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : 'no range'}`;
}

/** A document whose only problem is an overdue review: proof that the rest of the repository was still checked. */
const CONTROL_DOCUMENT = documentText({ id: 'PRC-CONTROL', next_review: '2026-01-01' });

describe('hostile documents', function () {
  this.timeout(HANG_MS * 2);

  describe('YAML frontmatter', () => {
    for (const yamlCase of YAML_CASES) {
      it(`${yamlCase.name}: ${yamlCase.findings.length === 0 ? 'no finding' : yamlCase.findings.join(', ')}`, () => {
        const result = readDocument('sms/case.md', yamlCase.text, { inSmsFolder: true });
        assert.deepEqual(result.findings.map(describeRange), yamlCase.findings);
        assert.equal(result.document !== undefined, yamlCase.document);
        for (const finding of result.findings) assert.doesNotMatch(finding.message, NO_STACK);
      });
    }

    it('never pollutes Object.prototype, whatever the keys', () => {
      for (const yamlCase of YAML_CASES) readDocument('sms/case.md', yamlCase.text, { inSmsFolder: true });
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf({}), Object.prototype);
      assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    });

    it('never runs code from a document: a `---js` block is refused, not evaluated', () => {
      for (const yamlCase of YAML_CASES) readDocument('sms/case.md', yamlCase.text, { inSmsFolder: true });
      assert.equal((globalThis as Record<string, unknown>).clausemarkEvaluated, undefined);
    });

    it('never expands an alias: a billion-laughs chain reads in one pass and the list is refused', () => {
      const laughs = YAML_CASES.find((yamlCase) => yamlCase.name.includes('billion'));
      assert.ok(laughs);
      const result = readDocument('sms/case.md', laughs.text, { inSmsFolder: true });
      assert.deepEqual(result.document?.clauses, []);
      assert.match(result.findings.find((f) => f.ruleId === 'frontmatter.invalid-field')?.message ?? '', /alias/);
    });

    it('reports deep nesting once, not once per level', () => {
      const deep = YAML_CASES.filter((yamlCase) => / nested [\d,]+ deep/.test(yamlCase.name));
      assert.equal(deep.length, 3);
      for (const yamlCase of deep) {
        const findings = readDocument('sms/case.md', yamlCase.text, { inSmsFolder: true }).findings;
        assert.equal(findings.length, 1);
        assert.match(findings[0]!.message, /nests deeper than Clausemark reads/);
      }
    });

    it('the CLI names each broken file and line, exits 1, and still checks the others', () => {
      const files: Record<string, string> = { 'sms/control.md': CONTROL_DOCUMENT };
      YAML_CASES.forEach((yamlCase, index) => (files[`sms/yaml-${index}.md`] = yamlCase.text));
      const folder = tempRepository(files);
      try {
        const result = clausemark(['check', '--no-cache', '--today', '2026-11-21'], folder, { timeoutMs: HANG_MS });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(result.stderr, '');
        YAML_CASES.forEach((yamlCase, index) => {
          const first = yamlCase.findings[0];
          if (first === undefined) return;
          const [rule, range] = first.split(' ');
          const start = range!.split('-')[0];
          assert.ok(
            result.stdout.includes(`sms/yaml-${index}.md:${start}`) && result.stdout.includes(rule!),
            `${yamlCase.name}: sms/yaml-${index}.md:${start} ${rule}`,
          );
        });
        assert.match(result.stdout, /sms\/control\.md:\d+:\d+\s+error\s+control\.review-overdue/);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  describe('files', () => {
    const validFrontmatter = '---\nid: PRC-X\ntitle: X\ntype: process\nowner: o\nstatus: draft\nversion: "1"\nclauses: [8.6.1]\n---\n';

    it('empty, BOM-only, CRLF, lone-CR, invalid UTF-8 and binary files: one exact finding each, through the CLI', () => {
      const folder = tempRepository({
        'sms/control.md': CONTROL_DOCUMENT,
        'sms/empty.md': '',
        'sms/bom-only.md': '\ufeff',
        'sms/crlf.md': validFrontmatter.replace(/\n/g, '\r\n').replace('[8.6.1]', '[8.6.1, 9.9.9]'),
        // Old Mac line endings mixed with LF: editors count a lone CR as a line break, and so do we.
        'sms/mixed.md': '---\nid: PRC-M\rtitle: M\r\ntype: process\rclauses:\n  - 9.9.9\n---\n',
        'sms/invalid-utf8.md': Buffer.concat([Buffer.from('---\nid: A\n'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n---\n')]),
        'sms/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      });
      try {
        const result = clausemark(['check', '--no-cache', '--today', '2026-11-21', '--format', 'json'], folder, { timeoutMs: HANG_MS });
        assert.equal(result.status, 1, result.stderr);
        const report = JSON.parse(result.stdout) as { findings: (Finding & { file: string })[]; summary: { files: number } };
        const at = (file: string): string[] => report.findings.filter((f) => f.file === file).map(describeRange);
        assert.deepEqual(at('sms/empty.md'), ['frontmatter.missing 1:1-1:1']);
        assert.deepEqual(at('sms/bom-only.md'), ['frontmatter.missing 1:1-1:1']);
        assert.deepEqual(
          at('sms/crlf.md').filter((f) => f.startsWith('clause.')),
          ['clause.unknown 8:18-8:23'],
        );
        assert.ok(at('sms/mixed.md').includes('clause.unknown 6:5-6:10'), at('sms/mixed.md').join('; '));
        assert.deepEqual(at('sms/invalid-utf8.md'), ['file.unreadable 1:1-1:1']);
        assert.deepEqual(at('sms/binary.md'), ['file.unreadable 1:1-1:1']);
        const message = (file: string): string => report.findings.find((f) => f.file === file)?.message ?? '';
        assert.match(message('sms/invalid-utf8.md'), /not valid UTF-8/);
        assert.match(message('sms/binary.md'), /binary/);
        assert.ok(at('sms/control.md').includes('control.review-overdue 10:14-10:24'));
        assert.equal(report.summary.files, 7);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('a 20 MB Markdown file is reported as too large without being parsed; the rest is checked', () => {
      const folder = tempRepository({ 'sms/control.md': CONTROL_DOCUMENT });
      try {
        // Generated here: a 20 MB fixture does not belong in git.
        writeFileSync(join(folder, 'sms/huge.md'), validFrontmatter + '# Heading\n\nSome text.\n'.repeat((20 * 1024 * 1024) / 22));
        const result = clausemark(['check', '--no-cache', '--today', '2026-11-21'], folder, { timeoutMs: HANG_MS });
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stdout, /sms\/huge\.md:1:1\s+error\s+file\.unreadable\s+This file cannot be checked: it is 2048\d KB, over the 5120 KB limit/);
        assert.match(result.stdout, /sms\/control\.md:10:14\s+error\s+control\.review-overdue/);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('a hostile file just under the size limit (deep quotes, bracket runs, a 1 MB line, 10,000 headings) is read in bounded time', () => {
      const hostileBody = [
        '>'.repeat(100_000) + ' deep\n',
        '['.repeat(100_000) + 'x' + ']'.repeat(100_000) + '\n',
        '[a]('.repeat(50_000) + '\n',
        '*'.repeat(50_000) + 'x' + '*'.repeat(50_000) + '\n',
        'x'.repeat(1024 * 1024) + '\n',
        Array.from({ length: 10_000 }, (_, i) => `## Section ${i}\n`).join('\n'),
        '|a|b|\n|-|-|\n' + '|x|y|\n'.repeat(100_000),
        // Last, because past MAX_NESTING levels the rest of the list (here: the file) is not read for headings.
        Array.from({ length: 5_000 }, (_, i) => `${'  '.repeat(i % 200)}- item`).join('\n') + '\n',
      ].join('\n');
      const filler = 'An ordinary paragraph line of the kind a long procedure has.\n'.repeat(Math.floor((5_000 * 1024 - hostileBody.length) / 61));
      const text =
        validFrontmatter.replace(
          'clauses: [8.6.1]',
          'clauses:\n  - clause: 8.6.1\n    section: section-9999\n  - clause: 8.6.2\n    section: no-such-section',
        ) +
        hostileBody +
        filler;
      assert.ok(Buffer.byteLength(text) < 5120 * 1024 && Buffer.byteLength(text) > 4.8 * 1024 * 1024, `${Buffer.byteLength(text)} bytes`);
      const folder = tempRepository({ 'sms/control.md': CONTROL_DOCUMENT, 'sms/hostile.md': text });
      try {
        const result = clausemark(['check', '--no-cache', '--today', '2026-11-21', '--format', 'json'], folder, { timeoutMs: HANG_MS });
        assert.equal(result.status, 1, result.stderr);
        const report = JSON.parse(result.stdout) as { findings: (Finding & { file: string })[] };
        const hostile = report.findings.filter((f) => f.file === 'sms/hostile.md').map(describeRange);
        // The 10,000th heading is found (its anchor resolves); the missing one is reported where it is written.
        assert.deepEqual(
          hostile.filter((f) => f.startsWith('clause.')),
          ['clause.unknown-section 12:14-12:29'],
        );
        assert.ok(report.findings.some((f) => f.file === 'sms/control.md' && f.ruleId === 'control.review-overdue'));
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('lists nested past MAX_NESTING levels hide the headings after them from markdown-it (a documented limit)', () => {
      // markdown-it reads what the line scanner is not sure of; this is the limit it brings.
      const deepList = Array.from({ length: MAX_NESTING + 50 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
      const text = `## Before\n\n${deepList}\n\n## After\n`;
      assert.deepEqual(
        readOutlineWithMarkdownIt(text, new LineIndex(text)).headings.map((heading) => heading.slug),
        ['before'],
      );
      const shallow = `## Before\n\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n\n## After\n`;
      assert.deepEqual(
        readOutlineWithMarkdownIt(shallow, new LineIndex(shallow)).headings.map((heading) => heading.slug),
        ['before', 'after'],
      );
      // Whole documents still read, whichever parser takes them.
      const result = readDocument('sms/deep.md', `${validFrontmatter}${text}`, { inSmsFolder: true });
      assert.ok(result.document?.headings.some((heading) => heading.slug === 'before'));
    });

    it('permission denied: file.unreadable on that file, the others checked (the CLI runs as an unprivileged user)', function () {
      const folder = tempRepository({ 'sms/control.md': CONTROL_DOCUMENT, 'sms/denied.md': documentText({ id: 'PRC-DENIED' }) });
      try {
        chmodSync(folder, 0o755);
        chmodSync(join(folder, 'sms/denied.md'), 0o000);
        // Root reads any file whatever its mode, so as root the CLI runs as `nobody` through setpriv (util-linux).
        const asRoot = process.getuid?.() === 0;
        if (asRoot) execFileSync('chmod', ['-R', 'a+rX', join(folder, 'sms/control.md'), join(folder, '.git')]);
        const command = asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : undefined;
        const result = clausemark(['check', folder, '--no-cache', '--today', '2026-11-21'], '/', { ...(command ? { command } : {}), timeoutMs: HANG_MS });
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stdout, /sms\/denied\.md:1:1\s+error\s+file\.unreadable\s+This file cannot be checked: permission was denied\./);
        assert.match(result.stdout, /sms\/control\.md:10:14\s+error\s+control\.review-overdue/);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('permission denied through an injected file system (EACCES), and a file deleted while being read', async () => {
      const { index, fs } = await indexOf({
        'sms/control.md': CONTROL_DOCUMENT,
        'sms/denied.md': documentText({ id: 'PRC-DENIED' }),
        'sms/vanishing.md': documentText({ id: 'PRC-GONE' }),
      });
      const failing = Object.assign(Object.create(fs) as MemoryFileSystem, {
        async readFile(path: string): Promise<Uint8Array> {
          if (path.endsWith('denied.md')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          if (path.endsWith('vanishing.md')) throw Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' });
          return fs.readFile(path);
        },
      });
      const { WorkspaceIndex } = await import('../../src/core/index/workspaceIndex.js');
      const { loadProject } = await import('../../src/core/config/loadProject.js');
      const loaded = await loadProject({ start: '/repo', fs: failing });
      assert.ok(loaded.ok);
      const fresh = new WorkspaceIndex({ project: loaded.project, fs: failing, now: () => new Date('2026-11-21T12:00:00Z') });
      await fresh.scan();
      assert.deepEqual(fresh.findingsFor('sms/denied.md').map(describeRange), ['file.unreadable 1:1-1:1']);
      assert.match(fresh.findingsFor('sms/denied.md')[0]!.message, /permission was denied/);
      // Deleted between listing and reading: the file is simply not there any more, and nothing else is lost.
      assert.equal(fresh.readResult('sms/vanishing.md'), undefined);
      assert.deepEqual(fresh.paths(), ['sms/control.md', 'sms/denied.md']);
      assert.ok(fresh.findingsFor('sms/control.md').some((f) => f.ruleId === 'control.review-overdue'));
      assert.ok(index.paths().length === 3);
    });
  });
});
