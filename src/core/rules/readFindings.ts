import type { ReadProblem } from '../document/readProblem.js';
import type { ReadResult } from '../document/readSmsDocument.js';
import type { Finding } from '../model/finding.js';
import { findingOf } from './createFinding.js';
import { RULES } from './registry.js';
import type { ReadProblemContext, Report, Rule } from './rule.js';

/** Has `rule` word one problem of the file as read; the rule is the one the problem names. */
export function wordReadProblem(rule: Rule, problem: ReadProblem, read: ReadResult, report: Report): void {
  // `defineRule` typed the check for the problems its id names, and only those reach it.
  const check = rule.checkReadProblem as ((context: ReadProblemContext<ReadProblem>) => void) | undefined;
  check?.({ problem, file: read.path, lines: read.lines, document: read.document, report });
}

/** The findings of what reading a file found wrong, at the rules' default severities, in the order found. */
export function readFindings(read: ReadResult, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const problem of read.problems ?? []) {
    const rule = rules.find((candidate) => candidate.id === problem.rule);
    if (rule) wordReadProblem(rule, problem, read, (range, message, extras) => findings.push(findingOf(rule, read.path, range, message, extras)));
  }
  return findings;
}
