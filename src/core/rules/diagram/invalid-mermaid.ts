import { defineRule } from '../rule.js';

// Reported while documents are read, by the diagram check (src/core/diagrams/checkDiagrams.ts), so results are cached with the parse.
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
});
