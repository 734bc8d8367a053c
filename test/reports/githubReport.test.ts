import assert from 'node:assert/strict';
import { escapeCommandData, escapeCommandProperty, renderGithub } from '../../src/core/reports/githubReport.js';
import { acmeInput } from './acme.js';
import { finding, makeInput, range } from './fixtures.js';

describe('GitHub workflow commands', () => {
  it('escapes property values and messages', () => {
    assert.equal(escapeCommandProperty('a%b\r\nc:d,e'), 'a%25b%0D%0Ac%3Ad%2Ce');
    assert.equal(escapeCommandData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  });

  it('writes one annotation per finding with escaped file names and messages', () => {
    const hostile = finding('clause.unknown', 'error', 'sms/odd, name: 50%.md', 'Line one\nline two: 10% off, really\r::set-env name=X::1', range(3, 4, 9));
    const output = renderGithub(makeInput({ findings: [hostile] }));
    assert.equal(
      output,
      '::error file=sms/odd%2C name%3A 50%25.md,line=3,col=4,endLine=3,endColumn=9,title=clause.unknown::Line one%0Aline two: 10%25 off, really%0D::set-env name=X::1\n',
    );
    assert.equal(output.split('\n').length, 2, 'one line');
  });

  it('maps severities and handles repository-level and multi-line findings', () => {
    const lines = renderGithub(makeInput()).trimEnd().split('\n');
    assert.equal(lines.length, 5);
    assert.equal(lines[0], '::warning title=coverage.uncovered-clause::2.1 Uncovered: no document addresses this clause.');
    assert.ok(
      lines.some((line) => line.startsWith('::notice file=sms/processes/ops.md,line=11,col=1,endLine=11,endColumn=10,title=frontmatter.unknown-field::')),
    );
    assert.ok(lines.some((line) => line.startsWith('::error file=sms/processes/ops.md,line=10,col=14,')));
    assert.ok(
      lines.some(
        (line) =>
          line ===
          '::error file=sms/policies/policy one.md,line=2,col=5,endLine=2,endColumn=10,title=trace.duplicate-id::The id `POL-1` is also used by sms/other.md.%0A↳ sms/other.md:2:5 first defined here',
      ),
    );

    const multi = renderGithub(makeInput({ findings: [finding('frontmatter.invalid-yaml', 'error', 'a.md', 'Bad YAML.', range(2, 3, 5, 4))] }));
    assert.equal(multi, '::error file=a.md,line=2,endLine=4,title=frontmatter.invalid-yaml::Bad YAML.\n');
    const noRange = renderGithub(makeInput({ findings: [finding('file.unreadable', 'error', 'b.md', 'Unreadable.')] }));
    assert.equal(noRange, '::error file=b.md,title=file.unreadable::Unreadable.\n');
    assert.equal(renderGithub(makeInput({ findings: [] })), '');
  });

  it('prefixes file paths when asked', () => {
    const output = renderGithub(makeInput({ findings: [finding('file.unreadable', 'error', 'b.md', 'x')] }), { pathPrefix: './docs/' });
    assert.equal(output, '::error file=docs/b.md,title=file.unreadable::x\n');
  });

  it('annotates the example repository', async () => {
    const input = await acmeInput();
    const lines = renderGithub(input).trimEnd().split('\n');
    assert.equal(lines.length, input.findings.length);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+\.[a-z-]+::\S/);
  });
});
