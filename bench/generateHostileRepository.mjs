// Generates the hostile-repository benchmark case: 1,000 Markdown files a pull request could commit, mixing
// every input shape that once made a check take minutes or gigabytes (issue 11, "Hangs"), among ordinary
// documents. A check of it must finish in bounded time and memory; see docs/hardening.md for each shape.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FILES = 1000;

/** Frontmatter of a valid document, with `extra` lines (YAML) added after the fixed fields. */
function document(id, extra = '', body = '# Purpose\n\nWhy this exists.\n') {
  return `---\nid: ${id}\ntitle: Document ${id}\ntype: procedure\nowner: SMS Manager\nstatus: approved\nversion: "1.0"\napproved_by: Head of Operations\napproved_on: 2026-03-02\nnext_review: 2027-03-02\n${extra}---\n${body}`;
}

const list = (key, count, item) => `${key}:\n${Array.from({ length: count }, (_, i) => `  - ${item(i)}`).join('\n')}\n`;
const mermaid = (source) => `# Flow\n\n\`\`\`mermaid\n${source}\n\`\`\`\n`;

/** The hostile shapes, each a function of its index giving a path and content; ordinary documents fill the rest. */
const SHAPES = [
  // Diagrams under the size limit that mermaid's parser takes seconds on: stopped at the time limit.
  { count: 3, write: (i) => [`sms/diagrams/spaces-${i}.md`, document(`HOSTILE-SPACES-${i}`, 'clauses:\n  - 8.1\n', mermaid(`graph TD${' '.repeat(16_000)}`))] },
  { count: 1, write: (i) => [`sms/diagrams/spaces-48k-${i}.md`, document(`HOSTILE-SPACES-48K-${i}`, 'clauses:\n  - 8.1\n', mermaid(`graph TD${' '.repeat(48_000)}`))] },
  // Diagrams over the size limit: never parsed.
  { count: 2, write: (i) => [`sms/diagrams/subgraphs-${i}.md`, document(`HOSTILE-SUBGRAPHS-${i}`, 'clauses:\n  - 8.1\n', mermaid(`graph TD\n${'subgraph a\n'.repeat(4000)}${'end\n'.repeat(4000)}`))] },
  { count: 2, write: (i) => [`sms/diagrams/fanout-${i}.md`, document(`HOSTILE-FANOUT-${i}`, 'clauses:\n  - 8.1\n', mermaid(`graph TD\n${Array.from({ length: 15_000 }, (_, n) => `N${n}`).join(' & ')} --> C`))] },
  // 1,000 claims (the list limit) naming none of 8,000 headings.
  { count: 3, write: (i) => [`sms/sections/sections-${i}.md`, document(`HOSTILE-SECTIONS-${i}`, list('clauses', 1000, (n) => `clause: 8.1\n    section: missing-${n}`), Array.from({ length: 8000 }, (_, n) => `## Heading ${n}\n`).join('\n'))] },
  // 1,000 unknown related ids each (the list limit): suggestions stop at the file and run budgets.
  { count: 20, write: (i) => [`sms/related/related-${i}.md`, document(`HOSTILE-RELATED-${i}`, `clauses:\n  - 8.1\n${list('related', 1000, (n) => `DOC-${i}-${n}-X`)}`)] },
  // Frontmatter of nearly 5 MB (under maxFileSizeKB): not parsed.
  { count: 5, write: (i) => [`sms/huge/huge-${i}.md`, document(`HOSTILE-HUGE-${i}`, list("clauses", 500_000, (n) => `8.${n % 9}.1`))] },
  // A list over the limit, read up to it.
  { count: 1, write: (i) => [`sms/huge/long-${i}.md`, document(`HOSTILE-LONG-${i}`, list('clauses', 1500, () => '8.1'))] },
  // Evidence that is a folder, even the repository root.
  { count: 2, write: (i) => [`sms/evidence/folder-${i}.md`, document(`HOSTILE-FOLDER-${i}`, `clauses:\n  - 8.1\nevidence:\n  - path: ${i === 0 ? '.' : '..'}\n    clause: 8.1\n    date: 2026-11-01\n`)] },
  // Documents 40 folders deep, matched against the config's `exclude` globs.
  { count: 5, write: (i) => [`sms/${'a/'.repeat(40)}deep-${i}.md`, document(`HOSTILE-DEEP-${i}`, 'clauses:\n  - 8.1\n')] },
];

/** Writes the repository into `root` (emptied first); returns the number of files and bytes written. */
export function generateHostileRepository(root) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  // The deepest glob the safety check accepts (three `**`), against the 40-folder paths.
  writeFileSync(join(root, 'clausemark.json'), `${JSON.stringify({ exclude: ['**/a/**/a/**/b.md'] }, null, 2)}\n`);
  let files = 0;
  let bytes = 0;
  const write = (path, content) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    files++;
    bytes += Buffer.byteLength(content);
  };
  for (const shape of SHAPES) for (let i = 0; i < shape.count; i++) write(...shape.write(i));
  // A Markdown file whose name is not valid UTF-8 (`caf\xe9.md`, Latin-1).
  const badName = Buffer.concat([Buffer.from(join(root, 'sms/caf')), Buffer.from([0xe9]), Buffer.from('.md')]);
  writeFileSync(badName, document('HOSTILE-NAME'));
  files++;
  for (let i = 0; files < FILES; i++) write(`sms/documents/doc-${i}.md`, document(`DOC-${i}`, `clauses:\n  - 8.${1 + (i % 7)}.1\nrelated:\n  - DOC-${(i + 1) % 500}\n`));
  return { files, bytes };
}
