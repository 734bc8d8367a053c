/** Deeper than any SMS frontmatter needs (a list of mappings is three levels), shallow enough for any parser. */
export const MAX_FLOW_DEPTH = 64;
/** Block nesting needs one column per level; content this far right is nesting, not layout. */
export const MAX_BLOCK_INDENT = 256;

/**
 * The offset where YAML nests deeper than Clausemark reads, or undefined. Checked before parsing, so that
 * a hostile document gets one finding at a fixed place instead of a parser running out of stack at a place
 * that depends on the machine. Quoted text and comments are skipped; the scan is linear.
 */
export function findExcessiveNesting(yaml: string): number | undefined {
  let flowDepth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < yaml.length; i++) {
    const char = yaml[i];
    if (char === '\n' || char === '\r') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // Spaces and block indicators (`- `, `? `, `: `) before the content all open block levels.
      if (char === ' ' || ((char === '-' || char === '?' || char === ':') && (yaml[i + 1] === ' ' || yaml[i + 1] === '\t'))) {
        indent++;
        if (indent > MAX_BLOCK_INDENT) return i;
        continue;
      }
      lineStart = false;
    }
    if (char === '"' || char === "'") {
      i = endOfQuoted(yaml, i);
    } else if (char === '#' && (i === 0 || /\s/.test(yaml[i - 1] ?? ''))) {
      while (i + 1 < yaml.length && yaml[i + 1] !== '\n' && yaml[i + 1] !== '\r') i++;
    } else if (char === '[' || char === '{') {
      flowDepth++;
      if (flowDepth > MAX_FLOW_DEPTH) return i;
    } else if ((char === ']' || char === '}') && flowDepth > 0) {
      flowDepth--;
    }
  }
  return undefined;
}

/** The offset of the closing quote (or the end of the text when there is none). */
function endOfQuoted(yaml: string, open: number): number {
  const quote = yaml[open];
  for (let i = open + 1; i < yaml.length; i++) {
    if (quote === '"' && yaml[i] === '\\') i++;
    else if (yaml[i] === quote) {
      if (quote === "'" && yaml[i + 1] === "'") i++;
      else return i;
    }
  }
  return yaml.length;
}
