import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function poppler(tool: string, args: string[]): string {
  assert.ok(existsSync(`/usr/bin/${tool}`), `${tool} is missing: install Debian's poppler-utils (apt-get install poppler-utils; .ci/run does it)`);
  return execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The PDF's text as poppler's pdftotext reads it, pages separated by form feeds. */
export function pdfText(file: string): string {
  return poppler('pdftotext', ['-layout', file, '-']);
}

/** The page count pdfinfo reports. */
export function pdfPages(file: string): number {
  const pages = /^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1];
  assert.ok(pages !== undefined, 'pdfinfo reports a page count');
  return Number(pages);
}
