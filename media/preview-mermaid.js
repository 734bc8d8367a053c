// Renders ```mermaid blocks in VS Code's Markdown preview with the bundled mermaid (no network).
(function () {
  'use strict';
  let count = 0;
  function theme() {
    const classes = document.body.classList;
    return classes.contains('vscode-dark') || classes.contains('vscode-high-contrast') ? 'dark' : 'default';
  }
  async function renderAll() {
    if (typeof mermaid === 'undefined') return;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: theme() });
    for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
      const pre = code.parentElement;
      const source = code.textContent || '';
      const target = document.createElement('div');
      target.className = 'clausemark-mermaid';
      try {
        count += 1;
        const result = await mermaid.render('clausemark-preview-' + count, source);
        target.innerHTML = result.svg;
        pre.replaceWith(target);
      } catch (error) {
        pre.setAttribute('title', 'mermaid: ' + (error && error.message ? error.message.split('\n')[0] : 'does not parse'));
      }
    }
  }
  window.addEventListener('vscode.markdown.updateContent', renderAll);
  renderAll();
})();
