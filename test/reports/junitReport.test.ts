import assert from 'node:assert/strict';
import { renderJunit } from '../../src/core/reports/junitReport.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/core/reports/xmlEscape.js';
import { acmeInput } from './acme.js';
import { finding, makeInput, range } from './fixtures.js';

/** A small well-formedness check: tags balance, attributes are quoted, no raw `<` or `&` in text or attributes. */
function assertWellFormed(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, 'no characters XML 1.0 forbids');
  const body = xml.replace(/^<\?xml[^>]*\?>\n/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(body)) !== null) {
    const [, closing, name, attributes, selfClosing, text, stray] = match;
    assert.equal(stray, undefined, `no stray < at ${match.index}: ${body.slice(match.index, match.index + 40)}`);
    const raw = text ?? attributes ?? '';
    assert.doesNotMatch(raw, /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, `entities are well-formed in ${raw.slice(0, 60)}`);
    if (text !== undefined) {
      assert.ok(stack.length > 0 || text.trim() === '', 'text only inside the root');
      continue;
    }
    if (closing) assert.equal(stack.pop(), name, `closing </${name}>`);
    else if (!selfClosing) stack.push(name!);
  }
  assert.deepEqual(stack, [], 'every tag is closed');
}

function count(xml: string, pattern: RegExp): number {
  return (xml.match(pattern) ?? []).length;
}

describe('JUnit report', () => {
  it('is well-formed with a test case per file with findings plus coverage, and matching failure counts', () => {
    const xml = renderJunit(makeInput());
    assertWellFormed(xml);
    // Files: ".", "sms/policies/policy one.md", "sms/processes/ops.md", plus "coverage".
    assert.equal(count(xml, /<testcase /g), 4);
    // 2 errors + 2 warnings, plus the uncovered clause.
    assert.equal(count(xml, /<failure /g), 5);
    assert.match(xml, /<testsuite name="clausemark" tests="4" failures="4" errors="0"/);
    assert.match(
      xml,
      /<testcase name="sms\/processes\/ops.md" classname="sms\/processes\/ops.md" time="0">\n {6}<failure message="control.review-overdue: The review was due on 2026-08-31 \(82 days ago\)." type="error">/,
    );
    assert.match(xml, /<system-out>sms\/processes\/ops.md:11:1 info frontmatter.unknown-field/);
    assert.match(xml, /<testcase name="coverage" classname="clausemark" time="0">\n {6}<failure message="1 uncovered leaf clause" type="coverage">/);
    assert.match(xml, /2\.1 Uncovered &lt;script&gt;alert\(1\)&lt;\/script&gt;: no document addresses it/);
  });

  it('passes the coverage case when nothing is uncovered', () => {
    const input = makeInput({ findings: [] });
    const coverage = { ...input.coverage, clauses: input.coverage.clauses.filter((c) => c.status !== 'uncovered') };
    const xml = renderJunit({ ...input, coverage });
    assertWellFormed(xml);
    assert.equal(count(xml, /<failure /g), 0);
    assert.match(xml, /tests="1" failures="0"/);
  });

  it('escapes markup and strips characters XML cannot hold', () => {
    const hostile = finding('clause.unknown', 'error', 'a&b<c>"d".md', 'Bad <tag> & "quotes" \'apos\'\u0000\u0007\u001b[31m \ud800 end', range(1, 1, 2));
    const xml = renderJunit(makeInput({ findings: [hostile] }));
    assertWellFormed(xml);
    assert.match(xml, /classname="a&amp;b&lt;c&gt;&quot;d&quot;.md"/);
    assert.match(xml, /message="clause.unknown: Bad &lt;tag&gt; &amp; &quot;quotes&quot; &apos;apos&apos;\[31m  end"/);
    assert.equal(escapeXmlText('a\u0001b\ud83d\ude00c'), 'ab\ud83d\ude00c', 'keeps surrogate pairs');
    assert.equal(escapeXmlAttribute('x\ny\tz'), 'x&#10;y&#9;z');
  });

  it('renders the example repository', async () => {
    const input = await acmeInput();
    const xml = renderJunit(input);
    assertWellFormed(xml);
    const failing = input.findings.filter((f) => f.severity !== 'info').length;
    assert.equal(count(xml, /<failure /g), failing + 1);
    const files = new Set(input.findings.map((f) => f.file));
    assert.equal(count(xml, /<testcase /g), files.size + 1);
  });
});
