import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clausemark, tempRepository } from '../support/cliRunner.js';

/** Strings a hostile contributor puts wherever a document or catalog lets them write text. */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const MERMAID_INIT = "%%{init: {'securityLevel': 'loose'}}%%";
const MERMAID_CLICK = 'click A call alert(3)';
const JS_LINK = '[open](javascript:alert(4))';
const HOSTILE = `${SCRIPT} ${IMG} ${MERMAID_INIT} ${MERMAID_CLICK} ${JS_LINK} @everyone`;

function yamlQuoted(text: string): string {
  return JSON.stringify(text);
}

/** A repository whose documents and custom catalog carry hostile text in titles, ids, clauses, sections, evidence and related ids. */
function hostileRepository(): string {
  const catalog = {
    id: 'hostile:1',
    title: `Catalog ${HOSTILE}`,
    exclusions: { allowed: true },
    clauses: [
      { id: 'A', title: `Parent ${HOSTILE}` },
      {
        id: 'A.1',
        title: `Leaf ${HOSTILE}`,
        parent: 'A',
        documents: [{ description: `Needs ${HOSTILE}`, types: ['policy'] }],
        records: [{ description: `Records ${HOSTILE}` }],
      },
      { id: 'A.2', title: `Other ${HOSTILE}`, parent: 'A' },
    ],
  };
  const document = [
    '---',
    'id: "javascript:alert"',
    `title: ${yamlQuoted(`Title ${HOSTILE}`)}`,
    'type: process',
    `owner: ${yamlQuoted(HOSTILE)}`,
    'status: draft',
    'version: "1"',
    'clauses:',
    '  - clause: A.1',
    `    section: ${yamlQuoted(HOSTILE)}`,
    `  - ${yamlQuoted(`A.9 ${HOSTILE}`)}`,
    'evidence:',
    `  - path: ${yamlQuoted(`records/${SCRIPT}.md`)}`,
    '    clause: A.1',
    `  - url: ${yamlQuoted('javascript:alert(5)')}`,
    `related: [${yamlQuoted(`X${IMG}`)}]`,
    '---',
    `# ${HOSTILE}`,
    '',
    '```mermaid',
    MERMAID_INIT,
    'graph TD; A-->B',
    MERMAID_CLICK,
    '```',
    '',
  ].join('\n');
  return tempRepository({
    'clausemark.json': JSON.stringify({ catalog: './catalog.json', exclusions: [{ clause: 'A.2', justification: HOSTILE }] }),
    'catalog.json': JSON.stringify(catalog),
    'sms/hostile.md': document,
    'sms/other.md': document.replace('id: "javascript:alert"', 'id: "javascript:alert"'),
  });
}

/** Tags the Markdown report writes itself; anything else would be markup smuggled in from a document. */
const OWN_MARKDOWN_TAGS = new Set(['code', '/code', 'br', 'details', '/details', 'summary', '/summary', 'sub', '/sub', '!--']);

describe('reports treat every document string as text', function () {
  this.timeout(120_000);
  let root: string;
  const run = (args: string[]): string => {
    const result = clausemark([...args, '--no-cache', '--today', '2026-11-21'], root, { timeoutMs: 60_000 });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return result.stdout;
  };

  before(() => {
    root = hostileRepository();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the HTML coverage report: escaped text, no script, no event handler, no link, a CSP that forbids scripts', () => {
    const html = run(['coverage', '--format', 'html']);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the hostile title is shown, escaped');
    assert.doesNotMatch(html, /<script|<img|<iframe|<a\s|<svg|<object|<embed/i);
    // `<` in text is escaped, so every `<…>` left is a tag the renderer wrote.
    for (const [tag] of html.matchAll(/<[^>]*>/g)) {
      assert.doesNotMatch(tag, /\son\w+\s*=/i, `no event-handler attribute in ${tag}`);
      assert.doesNotMatch(tag, /\s(href|src|srcdoc|action|formaction)\s*=/i, `no link in ${tag}`);
    }
    assert.doesNotMatch(html, /class="mermaid"/);
    // Every attribute value is ours: quotes in document text cannot close one.
    for (const [, value] of html.matchAll(/\s[\w-]+="([^"]*)"/g)) assert.doesNotMatch(value ?? '', /<|>/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src/);
  });

  it('the Markdown reports (check and coverage): only their own tags, no live link, no @-mention', () => {
    for (const markdown of [run(['check', '--format', 'markdown']), run(['coverage', '--format', 'markdown'])]) {
      assert.ok(markdown.includes('&lt;script&gt;'), 'the hostile text is shown, escaped');
      for (const [, tag] of markdown.matchAll(/<(\/?[a-z!-]+)/gi)) assert.ok(OWN_MARKDOWN_TAGS.has((tag ?? '').toLowerCase()), `unexpected tag <${tag}`);
      assert.doesNotMatch(markdown, /(?<!\\)\]\(\s*javascript:/i, 'no unescaped link to javascript:');
      assert.doesNotMatch(markdown, /(^|[^\\])\[open\]/, 'link brackets are escaped');
      assert.doesNotMatch(markdown, /@everyone/, 'mentions are broken with a zero-width space');
    }
  });

  it('SARIF: valid JSON, hostile text only inside message strings, every URI relative or ours', () => {
    const sarif = JSON.parse(run(['check', '--format', 'sarif'])) as {
      runs: {
        tool: { driver: { rules: { helpUri: string }[] } };
        results: { message: { text: string; markdown?: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const run0 = sarif.runs[0]!;
    assert.ok(
      run0.results.some((result) => result.message.text.includes(SCRIPT)),
      'the text is kept as text',
    );
    for (const result of run0.results) {
      assert.equal(result.message.markdown, undefined, 'no document text is offered as Markdown');
      for (const location of result.locations) assert.doesNotMatch(location.physicalLocation.artifactLocation.uri, /^[a-z]+:|<|>|"/i);
    }
    for (const rule of run0.tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/github\.com\/clausemark\//);
  });

  it('GitHub annotations and JUnit: a document cannot inject a workflow command or break the XML', () => {
    writeFileSync(
      join(root, 'sms/inject.md'),
      '---\nid: INJ\ntitle: "x"\ntype: process\nclauses: ["A.1\\n::error::injected", "A.3\\r\\n::set-output name=x::y"]\n---\n',
    );
    try {
      const github = run(['check', '--format', 'github']);
      for (const line of github.split('\n')) if (line !== '') assert.match(line, /^::(error|warning|notice) /);
      assert.doesNotMatch(github, /^::error::injected/m);
      const junit = run(['check', '--format', 'junit']);
      assert.doesNotMatch(junit, /<script|<img/i);
      assert.ok(junit.includes('&lt;script&gt;'));
    } finally {
      rmSync(join(root, 'sms/inject.md'));
    }
  });

  it('the text report removes terminal escapes from document text', () => {
    writeFileSync(
      join(root, 'sms/ansi.md'),
      '---\nid: ANSI\ntitle: "x"\ntype: process\nclauses: ["A.1\\u001b]8;;https://evil.example\\u0007link\\u001b[2J"]\n---\n',
    );
    try {
      assert.doesNotMatch(run(['check']), /\u001b/);
    } finally {
      rmSync(join(root, 'sms/ansi.md'));
    }
  });
});
