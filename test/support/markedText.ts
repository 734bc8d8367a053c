/** A 1-based line/column range, end exclusive, as findings report them. */
export interface ExpectedRange {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

/**
 * Strips `«` and `»` markers from a fixture and returns where they were: `id: «PRC 1»` marks the range of
 * `PRC 1`. Fixtures thus show the exact range a finding must report, right where it is.
 */
export function markedText(source: string): { text: string; ranges: ExpectedRange[] } {
  let text = '';
  const ranges: ExpectedRange[] = [];
  const open: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (const character of source) {
    if (character === '«') {
      open.push({ line, column });
      continue;
    }
    if (character === '»') {
      const start = open.pop();
      if (!start) throw new Error('unbalanced » in fixture');
      ranges.push({ start, end: { line, column } });
      continue;
    }
    text += character;
    if (character === '\n') {
      line++;
      column = 1;
    } else {
      column += character.length; // UTF-16 units, as editors count
    }
  }
  if (open.length > 0) throw new Error('unbalanced « in fixture');
  return { text, ranges };
}
