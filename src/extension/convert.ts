import * as vscode from 'vscode';
import type { Finding } from '../core/model/finding.js';
import type { Severity } from '../core/model/severity.js';
import { ruleDocsUrl } from '../core/rules/ruleDefinitions.js';
import type { SourceRange } from '../core/text/sourceRange.js';

/** The one place core positions (1-based) become editor positions (0-based); never negative. */
export function toRange(range: SourceRange | undefined): vscode.Range {
  if (!range) return new vscode.Range(0, 0, 0, 0);
  const line = (value: number): number => Math.max(0, value - 1);
  return new vscode.Range(line(range.start.line), line(range.start.column), line(range.end.line), line(range.end.column));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A finding as a Problems-panel entry: exact range, rule id linking to its docs, related places. */
export function toDiagnostic(finding: Finding, uriOf: (path: string) => vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'clausemark';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(related.file), toRange(related.range)), related.message));
  }
  if (finding.ruleId === 'control.retired-claims-clauses') diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  return diagnostic;
}

/** The rule id of one of our diagnostics. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'clausemark') return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : typeof code === 'string' ? code : undefined;
}
