/** The webview page: no inline data, no remote resources, scripts only with the nonce. */
export function traceabilityHtml(options: { cspSource: string; nonce: string; mermaidUri: string; scriptUri: string; styleUri: string }): string {
  const { cspSource, nonce, mermaidUri, scriptUri, styleUri } = options;
  // mermaid writes <style> into the SVG it draws, hence 'unsafe-inline' for styles (never for scripts).
  const csp = [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>Clausemark traceability</title>
</head>
<body>
<header><h1 id="title">Traceability</h1><p id="legend">clause → document → evidence · click a document or evidence to open it</p></header>
<main id="diagram" aria-live="polite">Drawing…</main>
<script nonce="${nonce}" src="${mermaidUri}"></script>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
