import type { Finding } from '../model/finding.js';
import type { ReportInput } from './reportInput.js';
import { escapeXmlAttribute, escapeXmlText } from './xmlEscape.js';
import { reasonTexts } from '../coverage/coverageText.js';
import { coverageSummaryText, formatLocation, groupByFile, REPOSITORY_FILE } from './shared.js';

/**
 * JUnit XML for CI test tabs: one suite `clausemark`, a test case per file with findings (classname = the path) with
 * a `<failure>` per error or warning (infos go to `<system-out>`), and a `coverage` case that fails when any leaf
 * clause is uncovered. The suite's `failures` counts failing test cases, as in Ant's format.
 */
export function renderJunit(input: ReportInput): string {
  const cases: string[] = [];
  let tests = 0;
  let failingCases = 0;

  for (const [file, findings] of groupByFile(input.findings)) {
    tests++;
    const failures = findings.filter((finding) => finding.severity !== 'info');
    const infos = findings.filter((finding) => finding.severity === 'info');
    if (failures.length > 0) failingCases++;
    const name = file === REPOSITORY_FILE ? '(repository)' : file;
    const body: string[] = [];
    for (const finding of failures) {
      body.push(
        `      <failure message="${escapeXmlAttribute(`${finding.ruleId}: ${finding.message}`)}" type="${escapeXmlAttribute(finding.severity)}">${escapeXmlText(describe(finding))}</failure>`,
      );
    }
    if (infos.length > 0) body.push(`      <system-out>${escapeXmlText(infos.map(describe).join('\n'))}</system-out>`);
    const attributes = `name="${escapeXmlAttribute(name)}" classname="${escapeXmlAttribute(name)}" time="0"`;
    cases.push(body.length > 0 ? `    <testcase ${attributes}>\n${body.join('\n')}\n    </testcase>` : `    <testcase ${attributes}/>`);
  }

  tests++;
  const uncovered = input.coverage.clauses.filter((clause) => clause.status === 'uncovered');
  const coverageText = `Coverage of ${input.coverage.catalog.title}: ${coverageSummaryText(input.coverage.summary)}`;
  if (uncovered.length > 0) {
    failingCases++;
    const list = uncovered.map((clause) => `${clause.clause} ${clause.title}: ${reasonTexts(clause).join('; ') || 'uncovered'}`).join('\n');
    cases.push(
      `    <testcase name="coverage" classname="clausemark" time="0">\n      <failure message="${escapeXmlAttribute(`${uncovered.length} uncovered leaf clause${uncovered.length === 1 ? '' : 's'}`)}" type="coverage">${escapeXmlText(`${coverageText}\n${list}`)}</failure>\n    </testcase>`,
    );
  } else {
    cases.push(
      `    <testcase name="coverage" classname="clausemark" time="0">\n      <system-out>${escapeXmlText(coverageText)}</system-out>\n    </testcase>`,
    );
  }

  const counts = `tests="${tests}" failures="${failingCases}" errors="0" skipped="0" time="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clausemark" ${counts}>`,
    `  <testsuite name="clausemark" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function describe(finding: Finding): string {
  const lines = [`${formatLocation(finding.file, finding.range)} ${finding.severity} ${finding.ruleId}: ${finding.message}`];
  for (const related of finding.related ?? []) lines.push(`  ↳ ${formatLocation(related.file, related.range)} ${related.message}`);
  return lines.join('\n');
}
