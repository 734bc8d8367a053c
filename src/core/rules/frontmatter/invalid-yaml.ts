import { MAX_BLOCK_INDENT, MAX_FLOW_DEPTH } from '../../text/yamlNesting.js';
import type { YamlProblem } from '../../document/readProblem.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'frontmatter.invalid-yaml',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'The frontmatter is not valid YAML, is not a mapping, or is not closed.',
  documentation: [
    "The YAML does not parse (reported at the parser's position: an unclosed bracket, a tab used for",
    'indentation, a nested mapping on one line), the block is not a mapping, or it is never closed by a `---` line.',
    'Frontmatter marked as another language (`---js`, `---json`) is refused, never evaluated, and YAML nested deeper',
    'than 64 brackets or 256 columns is refused at the place it gets too deep.',
    'A document with broken frontmatter is not indexed until it is fixed.',
  ].join('\n'),
  checkReadProblem({ problem, report }) {
    report(problem.range, messageOf(problem.yaml));
  },
});

function messageOf(problem: YamlProblem): string {
  switch (problem.kind) {
    case 'unclosed':
      return 'The frontmatter is never closed: add a line `---` after its last field.';
    case 'language':
      return `Frontmatter must be YAML; this block is marked \`${problem.language}\`.`;
    case 'too-deep':
      return `Invalid YAML: the frontmatter nests deeper than Clausemark reads (${MAX_FLOW_DEPTH} brackets or ${MAX_BLOCK_INDENT} columns); SMS fields are at most a list of mappings.`;
    case 'out-of-stack':
      return 'Invalid YAML: the frontmatter nests too deeply to read.';
    case 'error':
      return `Invalid YAML: ${problem.message}.`;
    case 'warning':
      return `YAML: ${problem.message}.`;
    case 'not-a-mapping':
      return 'The frontmatter must be a mapping of fields (`key: value` lines).';
  }
}
