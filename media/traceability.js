// The traceability page: draws the diagram it is sent with the bundled mermaid, and reports clicks by node key.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const container = document.getElementById('diagram');
  const title = document.getElementById('title');
  let last = null;
  let renderCount = 0;

  function theme() {
    const classes = document.body.classList;
    return classes.contains('vscode-dark') || classes.contains('vscode-high-contrast') ? 'dark' : 'default';
  }

  async function draw(message) {
    last = message;
    title.textContent = message.title;
    if (message.empty) {
      container.textContent = 'Nothing to show: no document here claims a clause.';
      return;
    }
    // strict: no click callbacks or scripts from diagram text; SVG text labels, never HTML.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: theme(), flowchart: { htmlLabels: false, useMaxWidth: true } });
    try {
      renderCount += 1;
      const result = await mermaid.render('clausemark-trace-' + renderCount, message.source);
      container.innerHTML = result.svg;
      const clickable = new Set(message.clickable);
      for (const node of container.querySelectorAll('g.node')) {
        const match = /^flowchart-(n\d+)-/.exec(node.id);
        if (!match || !clickable.has(match[1])) continue;
        node.classList.add('clickable');
        node.setAttribute('tabindex', '0');
        node.setAttribute('role', 'link');
        const open = () => vscode.postMessage({ type: 'open', key: match[1] });
        node.addEventListener('click', open);
        node.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
      }
      vscode.postMessage({ type: 'rendered', nodes: container.querySelectorAll('g.node').length });
    } catch (error) {
      const text = error && error.message ? error.message : String(error);
      container.textContent = 'The diagram could not be drawn: ' + text;
      vscode.postMessage({ type: 'failed', message: text });
    }
  }

  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'render') draw(event.data);
  });
  // Follow the editor's theme.
  new MutationObserver(() => { if (last) draw(last); }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  vscode.postMessage({ type: 'ready' });
})();
