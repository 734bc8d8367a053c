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
 * What a quick fix needs of a finding, carried in the diagnostic so the server can rebuild it: everything the
 * diagnostic does not carry itself. The message, severity and related places are the diagnostic's own (a coverage
 * finding at 10,000 documents names hundreds of documents in both its message and its related places).
 */
export interface DiagnosticData {
  readonly finding: Omit<Finding, 'related' | 'message' | 'severity'>;
}

/** `SEVERITY` read backwards, for a finding rebuilt from its diagnostic. */
const SEVERITY_OF_WIRE = new Map<DiagnosticSeverity | undefined, Severity>(Object.entries(SEVERITY).map(([severity, wire]) => [wire, severity as Severity]));

/**
 * Related places an editor is sent with one diagnostic. A coverage or audit finding at 10,000 documents has
 * hundreds, which an editor lists under the problem and the editor's host carries to its window: the rest are
 * counted in a last entry, and every report of the CLI keeps them all.
 */
export const MAX_RELATED = 50;

/** A finding as a diagnostic: exact range, rule id linking to its docs, related places, the finding as `data`. */
export function toDiagnostic(finding: Finding, uriOf: (path: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toWireRange(finding.range),
    message: finding.message,
    severity: SEVERITY[finding.severity],
    source: 'clausemark',
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    data: { finding: carried(finding) } satisfies DiagnosticData,
  };
  if (finding.related && finding.related.length > 0) {
    const related = finding.related
      .slice(0, MAX_RELATED)
      .map((place): DiagnosticRelatedInformation => ({ location: { uri: uriOf(place.file), range: toWireRange(place.range) }, message: place.message }));
    const more = finding.related.length - related.length;
    if (more > 0) {
      related.push({
        location: { uri: uriOf(finding.file), range: toWireRange(finding.range) },
        message: `and ${more} more places (\`clausemark check --format json\` lists them all)`,
      });
    }
    diagnostic.relatedInformation = related;
  }
  if (finding.ruleId === 'control.retired-claims-clauses') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

function carried(finding: Finding): DiagnosticData['finding'] {
  const { related: _related, message: _message, severity: _severity, ...rest } = finding;
  return rest;
}

/** The finding a diagnostic of ours carries, if it is one of ours. */
export function findingOf(diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== 'clausemark') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const finding = data?.finding;
  if (!finding || typeof finding.ruleId !== 'string' || typeof finding.file !== 'string') return undefined;
  return { ...finding, message: diagnostic.message, severity: SEVERITY_OF_WIRE.get(diagnostic.severity) ?? 'warning' };
}
