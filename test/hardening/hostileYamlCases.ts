/** Frontmatter written to break a YAML reader, each with the one outcome Clausemark must give. */
const fields = 'id: A\ntitle: t\ntype: policy\n';

function chain(levels: number): string {
  // Each level repeats the previous one nine times: resolved, the last would hold 9^levels strings.
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]`);
  return lines.join('\n');
}

export interface YamlCase {
  readonly name: string;
  readonly text: string;
  /** Whether a document is still built (fields readable) from the frontmatter. */
  readonly document: boolean;
  /** `rule line:col-line:col`, in report order. */
  readonly findings: readonly string[];
}

export const YAML_CASES: readonly YamlCase[] = [
  {
    name: 'a syntax error on the first line of the block',
    text: '---\nid: [A\ntitle: t\ntype: policy\n---\n',
    document: false,
    findings: ['frontmatter.invalid-yaml 3:1-3:2'],
  },
  {
    name: 'a syntax error inside a value (an unclosed quote)',
    text: `---\nid: A\ntitle: "t\ntype: policy\n---\n`,
    document: false,
    findings: ['frontmatter.invalid-yaml 4:13-5:1'],
  },
  {
    name: 'a syntax error in a key line (a mapping in a plain value)',
    text: '---\nid: A\ntitle: a: b\ntype: policy\n---\n',
    document: false,
    findings: ['frontmatter.invalid-yaml 3:8-3:9'],
  },
  {
    name: 'a syntax error in a nested list item (bad indentation)',
    text: `---\n${fields}clauses:\n  - clause: 8.6.1\n   section: s\n---\n`,
    document: false,
    findings: ['frontmatter.invalid-yaml 7:1-7:2'],
  },
  {
    name: 'a syntax error on the last line before the closing fence',
    text: `---\n${fields}related: [A,\n---\n`,
    document: false,
    findings: ['frontmatter.invalid-yaml 5:13-6:1'],
  },
  {
    name: 'a syntax error in a CRLF file',
    text: '---\r\nid: A\r\ntitle: "t\r\ntype: policy\r\n---\r\n',
    document: false,
    findings: ['frontmatter.invalid-yaml 4:13-4:14'],
  },
  { name: 'a duplicate key', text: `---\n${fields}id: B\n---\n`, document: true, findings: ['frontmatter.duplicate-key 5:1-5:3'] },
  { name: 'a tab used for indentation', text: `---\n${fields}clauses:\n\t- 8.6.1\n---\n`, document: false, findings: ['frontmatter.invalid-yaml 6:1-6:2'] },
  {
    name: 'a billion-laughs alias chain',
    text: `---\n${fields}clauses: *l8\n${chain(9)}\n---\n`,
    document: true,
    findings: [...Array.from({ length: 9 }, (_, i) => `frontmatter.unknown-field ${6 + i}:1-${6 + i}:3`), 'frontmatter.invalid-field 5:10-5:13'],
  },
  { name: 'an alias in a text field', text: `---\nid: A\ntitle: *x\ntype: policy\n---\n`, document: true, findings: ['frontmatter.invalid-field 3:8-3:10'] },
  {
    name: 'flow collections nested 5,000 deep (refused past 64)',
    text: `---\n${fields}clauses: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`,
    document: false,
    findings: ['frontmatter.invalid-yaml 5:74-5:75'],
  },
  {
    name: 'block mappings nested 2,000 deep (refused past column 256)',
    text: `---\n${fields}x:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n---\n`,
    document: false,
    findings: ['frontmatter.invalid-yaml 262:257-262:258'],
  },
  {
    name: 'keys __proto__, constructor and prototype',
    text: `---\n${fields}__proto__:\n  polluted: yes\nconstructor: {prototype: {polluted: 1}}\nprototype: 1\nclauses:\n  - clause: 8.6.1\n    __proto__: {polluted: 2}\n---\n`,
    document: true,
    findings: [
      'frontmatter.unknown-field 5:1-5:10',
      'frontmatter.unknown-field 7:1-7:12',
      'frontmatter.unknown-field 8:1-8:10',
      'frontmatter.unknown-field 11:5-11:14',
    ],
  },
  {
    name: 'a 2 MB scalar (over the 128 KB frontmatter limit: not parsed)',
    text: `---\nid: A\ntitle: ${'x'.repeat(2_000_000)}\ntype: policy\n---\n`,
    document: false,
    findings: ['frontmatter.too-large 1:1-1:4'],
  },
  {
    name: 'keys that are not strings',
    text: `---\n${fields}1: x\n[a, b]: c\nnull: e\ntrue: f\n---\n`,
    document: true,
    findings: [
      'frontmatter.invalid-field 5:1-5:2',
      'frontmatter.invalid-field 6:1-6:7',
      'frontmatter.invalid-field 7:1-7:5',
      'frontmatter.invalid-field 8:1-8:5',
    ],
  },
  {
    name: 'dates in odd forms',
    text: `---\n${fields}approved_on: 2026-3-2\nnext_review: 2026-02-30\ndate: 20260101\n---\n`,
    document: true,
    findings: ['frontmatter.invalid-field 5:14-5:22', 'frontmatter.invalid-field 6:14-6:24', 'frontmatter.invalid-field 7:7-7:15'],
  },
  {
    name: 'a timestamp and a quoted date (accepted as their day)',
    text: `---\n${fields}approved_on: 2026-03-02T10:00:00Z\nnext_review: "2027-03-02"\n---\n`,
    document: true,
    findings: [],
  },
  { name: 'two frontmatter blocks (the second is Markdown)', text: `---\n${fields}---\n---\nid: B\n---\n`, document: true, findings: [] },
  { name: 'frontmatter not at the top', text: `\n---\n${fields}---\n`, document: false, findings: ['frontmatter.missing 1:1-1:1'] },
  { name: 'an unterminated fence', text: `---\n${fields}`, document: false, findings: ['frontmatter.invalid-yaml 1:1-1:4'] },
  { name: 'a fence alone', text: '---', document: false, findings: ['frontmatter.invalid-yaml 1:1-1:4'] },
  { name: 'a YAML directive', text: `---\n%YAML 1.1\n---\n${fields}---\n`, document: false, findings: ['frontmatter.invalid-yaml 2:10-3:1'] },
  {
    name: 'block sequences nested 300 deep on one line',
    text: `---\n${fields}clauses: \n${'- '.repeat(300)}x\n---\n`,
    document: false,
    findings: ['frontmatter.invalid-yaml 6:257-6:258'],
  },
  {
    name: 'brackets inside quotes and comments do not count as nesting',
    text: `---\nid: A\ntitle: "${'['.repeat(100)}" # ${'{'.repeat(100)}\ntype: policy\n---\n`,
    document: true,
    findings: [],
  },
  {
    name: 'a `---js` block (gray-matter would eval it)',
    text: '---js\n{ id: (globalThis.clausemarkEvaluated = "yes") }\n---\n',
    document: false,
    findings: ['frontmatter.invalid-yaml 1:1-1:6'],
  },
  {
    name: 'a `---json` block',
    text: '---json\n{ "id": "A", "title": "t", "type": "policy", "clauses": [] }\n---\n',
    document: false,
    findings: ['frontmatter.invalid-yaml 1:1-1:8'],
  },
  {
    name: 'an unknown tag',
    text: `---\nid: !!binary AAAA\ntitle: !custom t\ntype: policy\n---\n`,
    document: true,
    findings: ['frontmatter.invalid-yaml 3:8-3:15', 'frontmatter.invalid-field 2:14-2:18'],
  },
];
