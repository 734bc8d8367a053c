import { defineRule } from '../rule.js';

// Found while documents are read (src/core/diagrams/checkDiagrams.ts), so it is cached with the parse; worded here.
export default defineRule({
  id: 'diagram.too-complex',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A ```mermaid block is too large or too slow to parse (over 50,000 characters or 2 s), so it was not checked.',
  documentation: [
    "A ```` ```mermaid ```` block that could not be checked within Clausemark's limits, reported at its opening fence:",
    "over 50,000 characters (mermaid's own renderer refuses more, so it is not parsed at all), over 2 s to parse",
    '(the parser is not linear: `graph TD` and 16 KB of spaces took 18 s), or parsing it stopped the diagram worker',
    '(out of memory). The parse is stopped, the worker replaced, and the other diagrams are still checked. Only',
    'reported while `diagram.invalid-mermaid` is on, since only then are diagrams parsed. A result from the time',
    'limit is never cached, so a later run tries the diagram again. Simplify or split the diagram.',
  ].join('\n'),
  checkReadProblem({ problem, document, lines, report }) {
    const diagram = document?.diagrams[problem.diagram];
    // Reported at the opening fence: nothing inside the block was judged.
    if (diagram) report(lines.lineRange(diagram.range.start.line), `This ${diagram.language} diagram is too complex to check: ${problem.message}.`);
  },
});
