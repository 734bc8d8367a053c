import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDocument } from '../support/readDocument.js';

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** Expands a VS Code snippet the way accepting every default would: placeholders, first choices, mirrors. */
function expand(body: readonly string[], today: string): string {
  let text = body.join('\n').replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, today);
  const defaults = new Map<string, string>();
  // Innermost placeholders first, so `${1:POL-${2:NAME}}` resolves to `POL-NAME`.
  for (let pass = 0; pass < 5; pass++) {
    text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_match, stop: string, value: string) => {
      defaults.set(stop, value);
      return value;
    });
  }
  text = text.replace(/\$\{(\d+)\|([^,|]+)[^|]*\|\}/g, (_match, stop: string, first: string) => {
    defaults.set(stop, first);
    return first;
  });
  // A bare `${n}` repeats what was typed at tab stop n (VS Code mirrors it).
  return text.replace(/\$\{(\d+)\}/g, (_match, stop: string) => defaults.get(stop) ?? '').replace(/\$0/g, '');
}

describe('snippets', () => {
  const snippets = JSON.parse(readFileSync('snippets/clausemark.code-snippets', 'utf8')) as Record<string, Snippet>;

  it('offers the document kinds process owners write', () => {
    assert.deepEqual(
      Object.values(snippets)
        .map((s) => s.prefix)
        .sort(),
      ['sms-plan', 'sms-policy', 'sms-procedure', 'sms-process', 'sms-record', 'sms-sla', 'sms-supplier-agreement'],
    );
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name}: accepting the defaults gives a valid SMS document`, () => {
      const text = expand(snippet.body, '2026-11-21');
      const result = readDocument('sms/new.md', text, { inSmsFolder: true });
      assert.deepEqual(
        result.findings.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        text,
      );
      assert.ok(result.document?.id && result.document.type && result.document.clauses.length > 0, text);
      assert.equal(result.document.headings[0]?.text, result.document.title?.value, 'the heading repeats the title');
    });
  }

  it('offers type and status as choice lists', () => {
    for (const snippet of Object.values(snippets)) {
      assert.ok(
        snippet.body.some((line) => /^type: \$\{\d+\|[a-z,]+\|\}$/.test(line)),
        snippet.prefix,
      );
      assert.ok(
        snippet.body.some((line) => line === 'status: ${6|draft,review,approved,retired|}'),
        snippet.prefix,
      );
    }
  });
});
