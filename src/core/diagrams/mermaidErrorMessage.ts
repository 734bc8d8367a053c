import type { DiagramProblem } from './diagramValidator.js';

/** What mermaid's token names stand for, as a reader would write them. */
const TOKEN_TEXT: Readonly<Record<string, string>> = {
  SQS: '`[`',
  SQE: '`]`',
  PS: '`(`',
  PE: '`)`',
  DIAMOND_START: '`{`',
  DIAMOND_STOP: '`}`',
  PIPE: '`|`',
  STADIUMSTART: '`([`',
  STADIUMEND: '`])`',
  SUBROUTINESTART: '`[[`',
  SUBROUTINEEND: '`]]`',
  CYLINDERSTART: '`[(`',
  CYLINDEREND: '`)]`',
  DOUBLECIRCLESTART: '`(((`',
  DOUBLECIRCLEEND: '`)))`',
  TRAPEND: '`/]`',
  INVTRAPEND: '`\\]`',
  TAGEND: '`>`',
  MINUS: '`-`',
  AMP: '`&`',
  COLON: '`:`',
  SEMI: '`;`',
  COMMA: '`,`',
  NEWLINE: 'the end of the line',
  EOF: 'the end of the diagram',
  '1': 'the end of the diagram',
  SPACE: 'a space',
  NODE_STRING: 'a node name',
  TXT: 'a message text',
  TEXT: 'text',
  STR: 'a quoted text',
  LINK: 'an arrow such as `-->`',
  START_LINK: 'an arrow such as `-->`',
};

/** Tokens that close a flowchart shape or an edge label: expecting one means something was left open. */
const CLOSERS = new Set(['SQE', 'PE', 'DIAMOND_STOP', 'PIPE', 'STADIUMEND', 'SUBROUTINEEND', 'CYLINDEREND', 'DOUBLECIRCLEEND', 'TRAPEND', 'INVTRAPEND']);

const OPENER_CLOSER: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' };

/** A mermaid problem said in a sentence, at the line of the mistake (1-based in the diagram source). */
export interface ExplainedProblem {
  readonly sentence: string;
  readonly line?: number;
  /** The parser's own words, kept as detail. */
  readonly detail: string;
}

/**
 * Turns mermaid's parser output ("Expecting 'SQE', 'DOUBLECIRCLEEND', … got 'DIAMOND_START'") into a sentence.
 * The parser notices an unclosed label only where it runs into the next shape, often on a later line, so the
 * line that left a bracket, quote or edge label open is searched for and named instead.
 */
export function explainMermaidProblem(problem: DiagramProblem, source: string): ExplainedProblem {
  const raw = problem.message;
  const base = { detail: raw, ...(problem.line !== undefined ? { line: problem.line } : {}) };
  if (/^No diagram type detected/.test(raw)) {
    return { detail: raw, line: 1, sentence: 'The first line does not name a diagram type mermaid knows, such as `flowchart TD` or `sequenceDiagram`.' };
  }
  if (/^Lexical error/.test(raw)) return { ...base, sentence: 'Mermaid cannot read a character or symbol on this line.' };
  const parsed = /Expecting (.*?)(?:, got '([^']*)')?$/s.exec(raw);
  if (!parsed) return { ...base, sentence: 'Mermaid cannot parse this line.' };
  const expected = [...(parsed[1] ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1]!);
  const got = parsed[2];
  const wanted = describeTokens(expected);

  // Flowchart labels end on their own line: one left open before the parser's line is the mistake.
  const flowchart = /^\s*(?:flowchart|graph)\b/.test(source);
  if (flowchart || expected.some((token) => CLOSERS.has(token))) {
    const open = flowchart ? firstUnclosed(source, problem.line) : undefined;
    if (open) return { detail: raw, line: open.line, sentence: `${open.what} on this line is not closed; close it with \`${open.closer}\` on the same line.` };
    if (got !== undefined && CLOSERS.has(got)) {
      return {
        ...base,
        sentence: `This shape is closed with ${TOKEN_TEXT[got] ?? got}, which does not match the bracket it was opened with${wanted ? ` (expected ${wanted})` : ''}.`,
      };
    }
  }
  if (got === 'MINUS' && expected.some((token) => token === 'LINK' || token === 'START_LINK')) {
    return { ...base, sentence: 'This is not an arrow mermaid knows: write `-->` (or `---`, `-.->`, `==>`).' };
  }
  if (got === 'EOF' || got === '1')
    return { ...base, sentence: `The diagram ends in the middle of a statement${wanted ? `: mermaid expected ${wanted}` : ''}.` };
  if (got === 'NEWLINE') return { ...base, sentence: `This line ends before its statement is complete${wanted ? `: mermaid expected ${wanted}` : ''}.` };
  if (got === undefined) return { ...base, sentence: `Mermaid cannot parse this line${wanted ? `; it expected ${wanted}` : ''}.` };
  return { ...base, sentence: `Mermaid did not expect ${TOKEN_TEXT[got] ?? `\`${got}\``} on this line${wanted ? `; it expected ${wanted}` : ''}.` };
}

/** Up to four readable names of the expected tokens, joined as a list ("`]`, `)` or text"). */
function describeTokens(tokens: readonly string[]): string {
  // What a writer most likely left out comes first: a node, a closing bracket, an arrow, a text.
  const rank = (token: string): number =>
    token === 'NODE_STRING' ? 0 : CLOSERS.has(token) ? 1 : token === 'LINK' || token === 'START_LINK' ? 2 : token === 'TXT' ? 3 : 4;
  const ranked = [...tokens].sort((a, b) => rank(a) - rank(b));
  const names = [...new Set(ranked.flatMap((token) => (TOKEN_TEXT[token] !== undefined ? [TOKEN_TEXT[token]] : [])))].slice(0, 4);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * The first line, up to the parser's, that leaves a flowchart label open: a `[`, `(` or `{` shape, a quoted
 * label, or an edge label between `|`s. Mermaid labels end on the line they start (quoted Markdown strings aside).
 */
function firstUnclosed(source: string, lastLine: number | undefined): { line: number; what: string; closer: string } | undefined {
  const lines = source.split('\n');
  const until = Math.min(lines.length, lastLine ?? lines.length);
  for (let index = 1; index < until; index++) {
    const text = (lines[index] ?? '').replace(/%%.*$/, '');
    const stack: string[] = [];
    let quoted = false;
    let piped = false;
    for (const char of text) {
      if (char === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (char in OPENER_CLOSER) stack.push(char);
      else if (char === ']' || char === ')' || char === '}') stack.pop();
      else if (char === '|' && stack.length === 0) piped = !piped;
    }
    if (quoted) return { line: index + 1, what: 'The quoted label opened with `"`', closer: '"' };
    if (stack.length > 0) return { line: index + 1, what: `The label opened with \`${stack[0]}\``, closer: OPENER_CLOSER[stack[0]!]! };
    if (piped) return { line: index + 1, what: 'The edge label opened with `|`', closer: '|' };
  }
  return undefined;
}
