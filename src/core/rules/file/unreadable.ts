import type { UnreadableReason } from '../../document/readProblem.js';
import { defineRule } from '../rule.js';

// Found while the index reads files (src/core/index/documentReader.ts), before any check runs; worded here.
export default defineRule({
  id: 'file.unreadable',
  defaultSeverity: 'error',
  scope: 'document',
  description: 'A Markdown file could not be read as text: missing, not permitted, binary, larger than the size limit, or named with bytes that are not UTF-8.',
  documentation: [
    'The file is binary, not valid UTF-8, larger than `maxFileSizeKB`, cannot be read (permission denied), is not a',
    'regular file (a pipe or device), is a symbolic link leading outside the repository (never read), or sits in an',
    'SMS folder under a name that is not valid UTF-8 (it cannot be opened by name; the finding shows the bad bytes',
    'as `�`). Outside the SMS folders only files that start with a frontmatter fence are reported. Save the file as',
    'UTF-8 Markdown, rename it, split it, or raise the limit.',
  ].join('\n'),
  checkReadProblem({ problem, lines, report }) {
    report(lines.lineRange(1), `This file cannot be checked: ${reasonOf(problem.reason)}.`);
  },
});

function reasonOf(reason: UnreadableReason): string {
  switch (reason.kind) {
    case 'bad-name':
      return 'its name is not valid UTF-8, so it cannot be opened by name; rename it';
    case 'not-regular':
      return 'it is not a regular file (a pipe, socket or device)';
    case 'outside':
      return 'it is a link to a place outside the repository, which Clausemark does not read';
    case 'too-large':
      return `it is ${Math.ceil(reason.bytes / 1024)} KB, over the ${reason.limitKB} KB limit (\`maxFileSizeKB\` in clausemark.json)`;
    case 'denied':
      return 'permission was denied';
    case 'failed':
      return `reading it failed (${reason.code})`;
    case 'undecodable':
      return reason.reason;
  }
}
