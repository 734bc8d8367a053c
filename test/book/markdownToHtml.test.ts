import assert from 'node:assert/strict';
import { markdownToBookHtml, type BookLinking } from '../../src/core/book/markdownToHtml.js';

const LINKING: BookLinking = {
  path: 'sms/policies/change.md',
  anchor: 'doc-POL-CHG',
  title: 'Change policy',
  anchorOf: (path) => ({ 'sms/processes/change.md': 'doc-PRC-CHG', 'sms/policies/change.md': 'doc-POL-CHG' })[path],
};

function render(markdown: string): string {
  return markdownToBookHtml(`---\nid: POL-CHG\ntitle: Change policy\n---\n\n${markdown}`, LINKING);
}

describe('a document rendered for the book', () => {
  it('drops raw HTML, script and event handlers, and unsafe links', () => {
    const html = render(
      [
        '<script>window.__injected = 1</script>',
        '',
        'Text <img src=x onerror="window.__injected = 2"> and <a href="javascript:alert(1)" onclick="x()">raw link</a>.',
        '',
        '[a javascript link](javascript:alert(1)) [a data link](data:text/html;base64,PHNjcmlwdD4=) [vbscript](vbscript:msgbox)',
        '',
        '<iframe src="https://attacker.example/"></iframe><style>body{display:none}</style>',
      ].join('\n'),
    );
    assert.ok(!/<script|<iframe|<style|<img/i.test(html), html);
    assert.ok(!/onerror|onclick|javascript:|vbscript:|data:/i.test(html), html);
    assert.match(html, /<a>a javascript link<\/a>/, 'the link text stays, without its target');
  });

  it('shows images as their description instead of loading them', () => {
    const html = render('![The CAB flow](https://tracker.example/pixel.png) ![local](../media/flow.png)');
    assert.ok(!/<img|tracker\.example|flow\.png/.test(html), html);
    assert.match(html, /<span class="image">\[image: The CAB flow\]<\/span>/);
  });

  it('turns links between documents into links inside the book, and ids into the document’s own', () => {
    const html = render(
      [
        '# Change policy',
        '',
        '## Scope & aims',
        '',
        'See [the process](../processes/change.md#roles), [its start](../processes/change.md), [below](#scope--aims),',
        '[this file](change.md#scope--aims), [the notes](../../docs/notes.md) and [the web](https://example.com/a.md).',
      ].join('\n'),
    );
    assert.ok(!html.includes('<h2>Change policy'), 'the title heading is left to the book');
    assert.match(html, /<h3 id="doc-POL-CHG-scope--aims">Scope &#x26; aims<\/h3>/);
    assert.match(html, /<a href="#doc-PRC-CHG-roles">the process<\/a>/);
    assert.match(html, /<a href="#doc-PRC-CHG">its start<\/a>/);
    assert.match(html, /<a href="#doc-POL-CHG-scope--aims">below<\/a>/);
    assert.match(html, /<a href="#doc-POL-CHG-scope--aims">this file<\/a>/);
    assert.match(html, /<a title="docs\/notes\.md \(not in this book\)">the notes<\/a>/);
    assert.match(html, /<a href="https:\/\/example\.com\/a\.md">the web<\/a>/);
  });

  it('keeps a first heading that is not the title, one level down', () => {
    assert.match(render('# Something else\n\ntext'), /<h2 id="doc-POL-CHG-something-else">Something else<\/h2>/);
  });

  it('prepares mermaid blocks for drawing, as text', () => {
    const html = render('```mermaid\nflowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B\n```\n');
    assert.match(html, /<pre class="mermaid">flowchart LR\n {2}A\["&#x3C;img src=x onerror=alert\(1\)>"\] --> B\n<\/pre>/);
  });

  it('prefixes footnote ids and their links alike', () => {
    const html = render('A claim.[^1]\n\n[^1]: The source.\n');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]);
    assert.ok(targets.length >= 2 && targets.every((target) => ids.includes(target)), `${targets.join(', ')} all among ${ids.join(', ')}`);
    assert.ok(ids.every((id) => id!.startsWith('doc-POL-CHG-')));
  });
});
