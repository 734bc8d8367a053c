import { checkDiagrams } from '../../src/core/diagrams/checkDiagrams.js';
import type { DiagramValidator } from '../../src/core/diagrams/diagramValidator.js';
import type { ReadOptions, ReadResult } from '../../src/core/document/readSmsDocument.js';
import { readSmsDocument } from '../../src/core/document/readSmsDocument.js';
import type { Finding } from '../../src/core/model/finding.js';
import { readFindings } from '../../src/core/rules/readFindings.js';

/** Reads one file and words what its reader found, as the index does (every rule at its default severity). */
export function readDocument(path: string, text: string, options: ReadOptions): ReadResult & { readonly findings: Finding[] } {
  const read = readSmsDocument(path, text, options);
  return { ...read, findings: readFindings(read) };
}

/** The findings of a document's diagrams, as the index words them. */
export async function diagramFindings(read: ReadResult, validate: DiagramValidator): Promise<Finding[]> {
  return read.document ? readFindings({ ...read, problems: await checkDiagrams(read.document, validate) }) : [];
}
