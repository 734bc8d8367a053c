/**
 * Escapes text taken from documents so Markdown (hovers, tooltips) shows it as written: markup characters
 * get a backslash, and `<`, `>`, `&` become entities so nothing can turn into HTML even where HTML is allowed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
