import type { ReadProblem } from '../document/readProblem.js';
import type { SmsDocument } from '../model/smsDocument.js';
import type { DiagramValidator } from './diagramValidator.js';

/** Runs the validator over a document's diagram blocks; the diagram rules word what it finds. */
export async function checkDiagrams(document: SmsDocument, validate: DiagramValidator): Promise<ReadProblem[]> {
  const problems: ReadProblem[] = [];
  for (const [diagram, { language, source }] of document.diagrams.entries()) {
    const problem = await validate(language, source);
    if (!problem) continue;
    if (problem.tooComplex) problems.push({ rule: 'diagram.too-complex', diagram, message: problem.message });
    else
      problems.push({
        rule: 'diagram.invalid-mermaid',
        diagram,
        problem: { message: problem.message, ...(problem.line !== undefined ? { line: problem.line } : {}) },
      });
  }
  return problems;
}
