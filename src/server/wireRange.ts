import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { ruleDocsUrl, type Finding, type Severity, type SourceRange } from '../core/index.js';

/** The one place core positions (1-based) become LSP positions (0-based); never negative. */
export function toWireRange(range: SourceRange | undefined): Range {
  if (!range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const zero = (value: number): number => Math.max(0, value - 1);
  return {
    start: { line: zero(range.start.line), character: zero(range.start.column) },
    end: { line: zero(range.end.line), character: zero(range.end.column) },
  };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * What a quick fix needs of a finding, carried in the diagnostic so the server can rebuild it: everything but
 * the related places, which the diagnostic already carries (a coverage finding at 10,000 documents names hundreds).
 */
export interface DiagnosticData {
  readonly finding: Omit<Finding, 'related'>;
}

/** A finding as a diagnostic: exact range, rule id linking to its docs, related places, the finding as `data`. */
export function toDiagnostic(finding: Finding, uriOf: (path: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toWireRange(finding.range),
    message: finding.message,
    severity: SEVERITY[finding.severity],
    source: 'clausemark',
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    data: { finding: withoutRelated(finding) } satisfies DiagnosticData,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => ({
      location: { uri: uriOf(related.file), range: toWireRange(related.range) },
      message: related.message,
    }));
  }
  if (finding.ruleId === 'control.retired-claims-clauses') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

function withoutRelated(finding: Finding): Omit<Finding, 'related'> {
  const { related: _related, ...rest } = finding;
  return rest;
}

/** The finding a diagnostic of ours carries, if it is one of ours. */
export function findingOf(diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== 'clausemark') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const finding = data?.finding;
  return finding && typeof finding.ruleId === 'string' && typeof finding.file === 'string' ? finding : undefined;
}
