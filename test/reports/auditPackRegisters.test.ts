import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { documentText } from '../support/repository.js';
import { ACME_ROOT } from './acme.js';
import { generatedRepository, packSection, unescapeHtml, writePack } from './packSupport.js';

interface RegisterLink {
  readonly section: string;
  readonly href: string;
  /** The text of the table row the link is in. */
  readonly row: string;
}

/** Every link in the document, evidence and overdue registers, with the row it is in. */
function registerLinks(html: string): RegisterLink[] {
  return ['documents', 'evidence', 'overdue'].flatMap((section) =>
    packSection(html, section)
      .split('<tr')
      .slice(1)
      .flatMap((row) => [...row.matchAll(/href="([^"]*)"/g)].map((match) => ({ section, href: unescapeHtml(match[1] ?? ''), row }))),
  );
}

/** Asserts each register row links its files, each link opens a file from the pack's folder, and rows without a link say why. */
function assertRegistersResolve(html: string, output: string): void {
  const links = registerLinks(html);
  assert.ok(links.length > 0, 'the registers have links');
  for (const link of links) {
    if (/^https?:\/\//.test(link.href)) continue;
    const file = resolve(output, decodeURIComponent(link.href));
    assert.ok(existsSync(file) && statSync(file).isFile(), `${link.section}: ${link.href} (from ${output}) is not a file`);
  }
  // Evidence rows that open nothing are the ones marked missing or outside the repository.
  for (const row of packSection(html, 'evidence').split('<tr').slice(2)) {
    const cells = row.split('<td').length - 1;
    assert.equal(cells, 5, row);
    const evidenceCell = row.split('<td')[3] ?? '';
    if (!evidenceCell.includes('href=')) assert.match(row, /class="state-(missing|outside|invalid)"/, `evidence without a link must be marked: ${row}`);
  }
  for (const row of packSection(html, 'documents').split('<tr').slice(2)) assert.match(row, /<a href="[^"]+">/, `every document is a link: ${row}`);
}

describe('the audit pack registers', function () {
  this.timeout(120_000);
  const folders: string[] = [];
  const temporary = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-pack-out-'));
    folders.push(folder);
    return folder;
  };
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('gives record documents as their own path, never the folder twice, and every register link opens a file (the example)', async () => {
    const output = join(temporary(), 'deep', 'pack');
    const html = await writePack(ACME_ROOT, output);
    const evidence = unescapeHtml(packSection(html, 'evidence'));
    assert.match(evidence, />sms\/records\/incidents\/2026-09-14-major-incident-review\.md</);
    assert.doesNotMatch(evidence, /sms\/records\/(\w|-)+\/sms\/records\//, 'no folder appears twice');
    assertRegistersResolve(html, output);
    // The missing release record is listed, marked, and not a link.
    assert.match(
      evidence,
      /<td>sms\/records\/releases\/2026-10-15-customer-portal-2\.4-release-record\.md<\/td><td class="date"><time>2026-10-15<\/time><\/td><td class="state-missing">missing<\/td>/,
    );

    const markdown = await writePack(ACME_ROOT, output, 'markdown');
    for (const match of markdown.matchAll(/\]\(([^)]+)\)/g)) {
      const href = match[1] ?? '';
      if (/^https?:/.test(href)) continue;
      if (href.startsWith('#')) {
        assert.ok(markdown.includes(`<a id="${href.slice(1)}"></a>`), `Markdown anchor ${href} exists`);
        continue;
      }
      assert.ok(existsSync(resolve(output, decodeURIComponent(href))), `Markdown link ${href} opens a file`);
    }
    assert.doesNotMatch(markdown, /sms\/records\/(\w|-)+\/sms\/records\//);
  });

  it('links into the repository from an output folder inside it, at any depth, for a generated repository', async () => {
    const repository = await generatedRepository(120);
    folders.push(dirname(repository));
    for (const output of [join(repository, 'audit-pack'), join(repository, 'reports', 'audit', '2026'), join(dirname(repository), 'elsewhere')]) {
      const html = await writePack(repository, output);
      assertRegistersResolve(html, output);
      assert.doesNotMatch(unescapeHtml(packSection(html, 'evidence')), /sms\/records\/(\w|-)+\/sms\/records\//);
    }
    // The generator links a few evidence files that do not exist: they are marked missing.
    assert.match(await writePack(repository, join(repository, 'audit-pack')), /class="state-missing">missing</);
  });

  it('percent-encodes hostile file names in every link, so none can end an attribute, a mermaid string or a Markdown link', async () => {
    const repository = temporary();
    const hostile = `a "b" <i> javascript:x (1) #2;%.md`;
    mkdirSync(join(repository, 'sms'), { recursive: true });
    mkdirSync(join(repository, 'records'), { recursive: true });
    writeFileSync(join(repository, 'clausemark.json'), '{ "catalog": "iso20000-1:2018", "smsFolders": ["sms/**"] }\n');
    writeFileSync(
      join(repository, 'sms', hostile),
      documentText({ clauses: '\n  - 8.6.1', evidence: `\n  - path: '../records/${hostile}'\n    date: 2026-10-01` }),
    );
    writeFileSync(join(repository, 'records', hostile), 'a record\n');
    const output = join(repository, 'out');
    const html = await writePack(repository, output);
    const links = registerLinks(html);
    assert.ok(links.length >= 3);
    for (const link of links) {
      assert.doesNotMatch(link.href, /["<> ]|javascript:/i, link.href);
      assert.ok(existsSync(resolve(output, decodeURIComponent(link.href))), `${link.href} opens the file`);
    }
    for (const [, href] of unescapeHtml(html).matchAll(/^ {2}click n\d+ href "([^"]*)"$/gm)) assert.doesNotMatch(href ?? '', /[\s<>;]|javascript:/i);
    const markdown = await writePack(repository, output, 'markdown');
    assert.match(markdown, /\]\(\.\.\/sms\/a%20%22b%22%20%3Ci%3E%20javascript%3Ax%20%281%29%20%232%3B%25\.md\)/);
  });

  it('marks overdue documents in the document register, and dates never wrap', async () => {
    const html = await writePack(ACME_ROOT, join(temporary(), 'pack'));
    const documents = packSection(html, 'documents');
    const supplier = documents.split('<tr').find((row) => row.includes('PRC-SUP')) ?? '';
    assert.match(supplier, /<span class="overdue"><time>2026-08-31<\/time> overdue<\/span>/);
    const policy = documents.split('<tr').find((row) => row.includes('<code>POL-SMS</code>')) ?? '';
    assert.doesNotMatch(policy, /overdue/, 'a review due later is not marked');
    assert.match(html, /time, td\.date, code\.rule \{ white-space: nowrap; \}/);
    const outsideTimes = documents.replace(/<time>\d{4}-\d\d-\d\d<\/time>/g, '').replace(/<a [^>]*>[^<]*<\/a>|<code>[^<]*<\/code>/g, '');
    assert.doesNotMatch(outsideTimes, /\d{4}-\d\d-\d\d/, `every date is in a <time>: ${/.{0,120}\d{4}-\d\d-\d\d.{20}/.exec(outsideTimes)?.[0]}`);
  });

  it('says what each finding is about, sorts them by severity, and renders code spans as <code>', async () => {
    const output = join(temporary(), 'pack');
    const html = await writePack(ACME_ROOT, output);
    const findings = packSection(html, 'findings');
    assert.doesNotMatch(findings, /clausemark\.json:\d+:\d+/, 'no bare config location');
    assert.ok(!/`/.test(findings), 'no raw Markdown backticks');
    assert.match(findings, /<code>approved_on<\/code>/);
    const rows = findings.split('<tr').slice(2);
    const severities = rows.map((row) => /class="severity-(\w+)"/.exec(row)?.[1]);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const order = severities.map((severity) => rank[severity as keyof typeof rank]);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      `by severity: ${severities.join(', ')}`,
    );
    const uncovered = rows.find((row) => row.includes('coverage.uncovered-clause') && row.includes('Knowledge')) ?? '';
    assert.match(uncovered, /<a href="#clause-7\.6">7\.6 Knowledge<\/a>/, 'a coverage finding is about its clause, and links to its row');
    assert.match(html, /<tr class="uncovered" id="clause-7\.6">/);
    const overdue = rows.find((row) => row.includes('control.review-overdue')) ?? '';
    assert.match(
      overdue,
      /<a href="[^"]*sms\/processes\/supplier-management\.md">PRC-SUP Supplier management process<\/a> <small class="muted">line&nbsp;10<\/small>/,
    );
    // Clauses in natural order: 7.6 before 8.2.5 before 8.4.2 (and 10.x after 9.x if present).
    // Only rows whose subject is a clause: a document's row can quote clause numbers in its message.
    const warningClauses = rows
      .filter((row) => row.includes('severity-warning'))
      .map((row) => /<a href="#clause-[^"]*">(\d+(?:\.\d+)*) /.exec(row)?.[1])
      .filter((clause) => clause !== undefined);
    assert.ok(warningClauses.length >= 3, `clause subjects found: ${warningClauses.join(', ')}`);
    assert.deepEqual(
      warningClauses,
      [...warningClauses].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
  });
});
