import assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, stableMessage } from '../../src/core/model/findingFingerprint.js';
import { buildSarif, directoryFileUri, encodeRelativePath, renderSarif } from '../../src/core/reports/sarifReport.js';
import { RULES, ruleDocsUrl } from '../../src/core/rules/ruleDefinitions.js';
import { assertValidSarif as assertValid } from '../support/sarifSchema.js';
import { acmeInput } from './acme.js';
import { finding, FINDINGS, makeInput, range, shifted } from './fixtures.js';

function results(log: Sarif.Log): Sarif.Result[] {
  return log.runs[0]?.results ?? [];
}

function fingerprint(result: Sarif.Result | undefined): string | undefined {
  return result?.partialFingerprints?.[FINGERPRINT_KEY];
}

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema (fixtures, with and without an anchor file)', () => {
    assertValid(renderSarif(makeInput()));
    assertValid(renderSarif(makeInput({ repositoryAnchorFile: 'README.md' })));
    assertValid(renderSarif(makeInput({ findings: [] })));
  });

  it('validates against the schema for the example repository', async () => {
    const log = assertValid(renderSarif(await acmeInput()));
    assert.equal(results(log).length, (await acmeInput()).findings.length);
  });

  it('describes every rule, and every result points at its rule', () => {
    const log = assertValid(renderSarif(makeInput()));
    const run = log.runs[0]!;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const driver = run.tool.driver;
    assert.equal(driver.name, 'Clausemark');
    assert.equal(driver.version, '1.2.3');
    assert.equal(driver.informationUri, 'https://github.com/clausemark/clausemark');
    const rules = driver.rules ?? [];
    assert.deepEqual(
      rules.map((rule) => rule.id),
      RULES.map((rule) => rule.id),
    );
    const overdue = rules.find((rule) => rule.id === 'control.review-overdue');
    assert.equal(overdue?.name, 'ControlReviewOverdue');
    assert.equal(overdue?.helpUri, ruleDocsUrl('control.review-overdue'));
    assert.equal(overdue?.defaultConfiguration?.level, 'error');
    assert.equal(rules.find((rule) => rule.id === 'frontmatter.unknown-field')?.defaultConfiguration?.level, 'note');
    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text && rule.help.markdown);
      assert.ok(Array.isArray(rule.properties?.['tags']));
    }
    for (const result of results(log)) {
      assert.equal(typeof result.ruleIndex, 'number');
      assert.equal(rules[result.ruleIndex!]?.id, result.ruleId);
    }
  });

  it('maps levels: error, warning, info → note', () => {
    const log = buildSarif(makeInput());
    const levelOf = (ruleId: string): string | undefined => results(log).find((r) => r.ruleId === ruleId)?.level;
    assert.equal(levelOf('control.review-overdue'), 'error');
    assert.equal(levelOf('control.review-due-soon'), 'warning');
    assert.equal(levelOf('frontmatter.unknown-field'), 'note');
  });

  it('writes repository-relative, percent-encoded URIs under %SRCROOT% with the root as a file URI', () => {
    const log = buildSarif(makeInput());
    const run = log.runs[0]!;
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/acme%20repo/' } });
    const duplicate = results(log).find((r) => r.ruleId === 'trace.duplicate-id');
    const location = duplicate?.locations?.[0]?.physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'sms/policies/policy%20one.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location?.region, { startLine: 2, startColumn: 5, endLine: 2, endColumn: 10 });
    assert.deepEqual(duplicate?.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'sms/other.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 10 },
        },
        message: { text: 'first defined here' },
      },
    ]);
    assert.equal(encodeRelativePath('a b/c#d%e?.md'), 'a%20b/c%23d%25e%3F.md');
    assert.equal(encodeRelativePath('sms/ü.md'), 'sms/%C3%BC.md');
    assert.equal(directoryFileUri('C:\\Work\\my repo'), 'file:///C:/Work/my%20repo/');
    assert.equal(directoryFileUri('/'), 'file:///');
  });

  it('puts repository-level findings on the anchor file, or nowhere without one', () => {
    const without = results(buildSarif(makeInput())).find((r) => r.ruleId === 'coverage.uncovered-clause');
    assert.equal(without?.locations, undefined);
    const anchored = results(buildSarif(makeInput({ repositoryAnchorFile: 'clausemark.json' }))).find((r) => r.ruleId === 'coverage.uncovered-clause');
    assert.deepEqual(anchored?.locations, [
      { physicalLocation: { artifactLocation: { uri: 'clausemark.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } },
    ]);
  });

  it('prefixes paths when the root is a sub-folder of the repository', () => {
    const log = buildSarif(makeInput({ root: '/work/repo/examples/acme' }), { pathPrefix: 'examples/acme/' });
    assert.equal(log.runs[0]?.originalUriBaseIds?.['%SRCROOT%']?.uri, 'file:///work/repo/');
    assert.equal(
      results(log).find((r) => r.ruleId === 'control.review-overdue')?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      'examples/acme/sms/processes/ops.md',
    );
  });

  it('keeps fingerprints when only lines move or day counts change, and tells findings apart', () => {
    const before = buildSarif(makeInput());
    const moved = FINDINGS.map((f) => (f.range ? { ...f, range: shifted(f.range, 7) } : f));
    const nextDay = moved.map((f) => (f.ruleId === 'control.review-due-soon' ? { ...f, message: 'The review is due on 2026-12-15 (in 23 days).' } : f));
    const after = buildSarif(makeInput({ findings: nextDay }));
    for (const result of results(before)) {
      const twin = results(after).find(
        (r) =>
          r.ruleId === result.ruleId &&
          r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      );
      assert.ok(fingerprint(result));
      assert.equal(fingerprint(twin), fingerprint(result), `${result.ruleId} keeps its fingerprint`);
    }
    const prints = results(before).map(fingerprint);
    assert.equal(new Set(prints).size, prints.length, 'all different');
    for (const print of prints) assert.match(print!, /^[0-9a-f]{64}$/);

    // Identical findings in one file still get distinct fingerprints.
    const twice = [finding('clause.duplicate', 'warning', 'a.md', 'Clause 8.1 is listed twice.', range(3, 5, 8), { data: { clause: '8.1' } })];
    twice.push({ ...twice[0]!, range: range(4, 5, 8) });
    const twins = results(buildSarif(makeInput({ findings: twice }))).map(fingerprint);
    assert.notEqual(twins[0], twins[1]);

    // A different clause is a different finding.
    const clauseA = results(
      buildSarif(makeInput({ findings: [finding('clause.unknown', 'error', 'a.md', 'Unknown clause.', range(1, 1, 2), { data: { clause: '9.9' } })] })),
    );
    const clauseB = results(
      buildSarif(makeInput({ findings: [finding('clause.unknown', 'error', 'a.md', 'Unknown clause.', range(1, 1, 2), { data: { clause: '9.8' } })] })),
    );
    assert.notEqual(fingerprint(clauseA[0]), fingerprint(clauseB[0]));
  });

  it('strips day counts from messages for fingerprints only', () => {
    assert.equal(stableMessage('The review is due on 2026-12-15 (in 24 days).'), 'The review is due on 2026-12-15 (in # days).');
    assert.equal(stableMessage('The review was due on 2026-08-31 (82 days ago).'), 'The review was due on 2026-08-31 (# days ago).');
    assert.equal(stableMessage('older than the 400-day maximum'), 'older than the #-day maximum');
    // Suggestions change when other documents come and go; the finding does not.
    assert.equal(stableMessage('No document has the id `PRC-KNOW`; did you mean `PRC-INC`, `PRC-AST`?'), 'No document has the id `PRC-KNOW`');
    assert.equal(
      stableMessage('No document has the id `PRC-KNOW`; did you mean `PRC-NEW`?'),
      stableMessage('No document has the id `PRC-KNOW`.'.replace('.', '; did you mean `X`?')),
    );
    const result = results(buildSarif(makeInput())).find((r) => r.ruleId === 'control.review-due-soon');
    assert.equal(result?.message.text, 'The review is due on 2026-12-15 (in 24 days).');
  });

  it('is deterministic', async () => {
    const input = await acmeInput();
    assert.equal(renderSarif(input), renderSarif({ ...input, findings: [...input.findings].reverse() }));
  });
});
