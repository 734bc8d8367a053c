import type { Finding } from '../model/finding.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { createFinding } from '../rules/createFinding.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { DiagramValidator } from './diagramValidator.js';
import { explainMermaidProblem } from './mermaidErrorMessage.js';

/** Runs the validator over a document's diagram blocks; a problem is reported on its line inside the block. */
export async function checkDiagrams(document: SmsDocument, lines: LineIndex, validate: DiagramValidator): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const diagram of document.diagrams) {
    const problem = await validate(diagram.language, diagram.source);
    if (!problem) continue;
    if (problem.tooComplex) {
      // Reported at the opening fence: nothing inside the block was judged.
      findings.push(
        createFinding(
          'diagram.too-complex',
          document.path,
          lines.lineRange(diagram.range.start.line),
          `This ${diagram.language} diagram is too complex to check: ${problem.message}.`,
        ),
      );
      continue;
    }
    // A sentence at the line of the mistake, then the parser's own words as detail.
    const explained =
      diagram.language === 'mermaid' ? explainMermaidProblem(problem, diagram.source) : { sentence: problem.message, detail: undefined, line: problem.line };
    // Line 1 of the source is the line after the opening fence.
    const range = explained.line !== undefined ? lines.lineRange(diagram.range.start.line + explained.line) : lines.lineRange(diagram.range.start.line);
    const detail = explained.detail !== undefined ? ` Parser: ${explained.detail}` : '';
    findings.push(
      createFinding('diagram.invalid-mermaid', document.path, range, `This ${diagram.language} diagram does not parse: ${explained.sentence}${detail}`),
    );
  }
  return findings;
}
