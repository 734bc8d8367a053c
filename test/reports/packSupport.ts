import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BUILTIN_CATALOGS } from '../../src/core/catalog/builtinCatalogs.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../book/pdfTools.js';
import { clausemarkInProcess } from '../support/cli.js';

export const PACK_TODAY = ['--today', '2026-11-21', '--no-cache'];

interface RepositoryGenerator {
  generateRepository(folder: string, count: number, clauseIds: readonly string[]): { readonly files: readonly { readonly path: string }[] };
}

/** A repository of `count` Markdown files written by the benchmark's generator (seeded, so always the same), in a new temporary folder. */
export async function generatedRepository(count: number): Promise<string> {
  const generator = (await import(new URL('../../../bench/generateRepository.mjs', import.meta.url).href)) as RepositoryGenerator;
  const catalog = BUILTIN_CATALOGS.get('iso20000-1:2018');
  if (!catalog) throw new Error('the built-in catalog is missing');
  const parents = new Set(catalog.clauses.map((clause) => clause.parent).filter((parent) => parent !== undefined));
  const leaves = catalog.clauses.filter((clause) => !parents.has(clause.id)).map((clause) => clause.id);
  const folder = join(mkdtempSync(join(tmpdir(), 'clausemark-generated-')), 'repo');
  generator.generateRepository(folder, count, leaves);
  return folder;
}

/** Runs `clausemark report` for `repository` into `output` and returns the pack's text. */
export async function writePack(repository: string, output: string, format: 'html' | 'markdown' = 'html'): Promise<string> {
  const result = await clausemarkInProcess(['report', repository, '--format', format, '--output', output, '--force', ...PACK_TODAY], repository);
  if (result.status !== 0) throw new Error(`report failed (${result.status}): ${result.stderr}`);
  return readFileSync(join(output, format === 'html' ? 'audit-pack.html' : 'audit-pack.md'), 'utf8');
}

/** The HTML of one `<section id="…">` of the pack. */
export function packSection(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

/** Decodes the few entities `escapeHtml` writes. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Debian's headless Chromium, driven by playwright-core. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does it)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
