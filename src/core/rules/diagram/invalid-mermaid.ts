import { explainMermaidProblem } from '../../diagrams/mermaidErrorMessage.js';
import { defineRule } from '../rule.js';

// Found while documents are read (src/core/diagrams/checkDiagrams.ts), so it is cached with the parse; worded here.
export default defineRule({
  id: 'diagram.invalid-mermaid',
  defaultSeverity: 'warning',
  scope: 'document',
  description: 'A ```mermaid block does not parse, so it will not render in previews, on GitHub or in reports.',
  documentation: [
    "Process documents often carry a ```` ```mermaid ```` flow diagram. A block that mermaid's own parser rejects will",
    "not render in the editor's preview, on GitHub or in reports. The finding says in a sentence what is wrong",
    '(`The label opened with [ on this line is not closed; close it with ] on the same line.`, an arrow mermaid does',
    'not know, a diagram that stops mid-statement) and sits on the line of the mistake — for a label left open, the',
    "line that opened it, not the later line where the parser notices — then keeps the parser's own words after",
    '`Parser:` as detail. Diagram types that mermaid can only judge in a browser are not reported.',
  ].join('\n'),
  checkReadProblem({ problem, document, lines, report }) {
    const diagram = document?.diagrams[problem.diagram];
    if (!diagram) return;
    // A sentence at the line of the mistake, then the parser's own words as detail.
    const explained =
      diagram.language === 'mermaid'
        ? explainMermaidProblem(problem.problem, diagram.source)
        : { sentence: problem.problem.message, detail: undefined, line: problem.problem.line };
    // Line 1 of the source is the line after the opening fence.
    const fence = diagram.range.start.line;
    const range = explained.line !== undefined ? lines.lineRange(fence + explained.line) : lines.lineRange(fence);
    const detail = explained.detail !== undefined ? ` Parser: ${explained.detail}` : '';
    report(range, `This ${diagram.language} diagram does not parse: ${explained.sentence}${detail}`);
  },
});
