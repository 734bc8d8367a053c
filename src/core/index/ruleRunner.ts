import type { CatalogSet } from '../catalog/catalogSet.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { FILE_SUGGESTION_COMPARISONS, SuggestionBudget } from '../catalog/suggestionBudget.js';
import { nextPlannedAudit } from '../config/certification.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { ConfigProblem } from '../config/configProblem.js';
import type { SeverityPolicy } from '../config/severityPolicy.js';
import type { ClauseCoverage } from '../coverage/coverageReport.js';
import type { CycleState } from '../cycle/cycleState.js';
import type { ReadResult } from '../document/readSmsDocument.js';
import type { Finding } from '../model/finding.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { createFinding, findingOf } from '../rules/createFinding.js';
import { wordReadProblem } from '../rules/readFindings.js';
import type { ConfigProblemContext, Report, Rule } from '../rules/rule.js';
import type { RepositoryView } from '../rules/repositoryView.js';
import type { SourceRange } from '../text/sourceRange.js';

/** What the repository-level checks are given besides the catalog and configuration. */
export interface RepositoryPlace {
  /** The file repository findings go on (the config file, or `.`). */
  readonly file: string;
  readonly anchor: SourceRange | undefined;
  readonly locateSetting: (path: (string | number)[], part?: 'key' | 'value') => SourceRange | undefined;
}

/**
 * Runs the rules' checks, each rule in a guard of its own: a rule that throws yields `internal.rule-failed`
 * naming that rule, and every other rule still runs. Rules that are off are never run.
 */
export class RuleRunner {
  private readonly documentRules: readonly Rule[];
  private readonly crossDocumentRules: readonly Rule[];
  private readonly clauseRules: readonly Rule[];
  private readonly repositoryRules: readonly Rule[];
  private readonly readProblemRules: ReadonlyMap<string, Rule>;
  private readonly configProblemRules: ReadonlyMap<string, Rule>;
  /** Every rule id the runner was given, on or off (a setting naming another is `config.unknown-rule`). */
  private readonly ruleIds: readonly string[];

  constructor(
    rules: readonly Rule[],
    severity: SeverityPolicy,
    private readonly catalog: ClauseCatalog,
    private readonly catalogs: CatalogSet,
    private readonly config: ClausemarkConfig,
  ) {
    const enabled = rules.filter((rule) => severity.isEnabled(rule.id));
    this.documentRules = enabled.filter((rule) => rule.checkDocument);
    this.crossDocumentRules = enabled.filter((rule) => rule.checkAcrossDocuments);
    this.clauseRules = enabled.filter((rule) => rule.checkClause);
    this.repositoryRules = enabled.filter((rule) => rule.checkRepository);
    this.readProblemRules = new Map(enabled.filter((rule) => rule.checkReadProblem).map((rule) => [rule.id, rule]));
    this.configProblemRules = new Map(enabled.filter((rule) => rule.checkConfigProblem).map((rule) => [rule.id, rule]));
    this.ruleIds = rules.map((rule) => rule.id);
  }

  /** Findings of the problems met while a file was read, in the order they were met. */
  readFindings(read: ReadResult): Finding[] {
    const findings: Finding[] = [];
    for (const problem of read.problems ?? []) {
      const rule = this.readProblemRules.get(problem.rule);
      if (rule) this.guarded(rule, read.path, read.lines.lineRange(1), 'this file', findings, (report) => wordReadProblem(rule, problem, read, report));
    }
    return findings;
  }

  /** Findings of the problems met while the configuration was loaded, on the config file, in the order met. */
  configFindings(problems: readonly ConfigProblem[], place: RepositoryPlace): Finding[] {
    const findings: Finding[] = [];
    const { catalogs } = this;
    for (const problem of problems) {
      const rule = this.configProblemRules.get(problem.rule);
      // The map holds each rule under the id its problems name, so the problem is one its check takes.
      const check = rule?.checkConfigProblem as ((context: ConfigProblemContext<ConfigProblem>) => void) | undefined;
      if (rule && check) this.guarded(rule, place.file, place.anchor, 'the configuration', findings, (report) => check({ problem, catalogs, report }));
    }
    return findings;
  }

  /** Findings of one document on its own; they depend only on the document and the day. */
  documentFindings(document: SmsDocument, today: string): Finding[] {
    const findings: Finding[] = [];
    // Per document only: these findings are kept per file, so they must not depend on which files came first.
    const suggestions = new SuggestionBudget(FILE_SUGGESTION_COMPARISONS);
    const { catalog, catalogs, config } = this;
    const nextExternalAudit = nextPlannedAudit(config.certification, today);
    for (const rule of this.documentRules) {
      this.guarded(rule, document.path, failureRange(document), 'this document', findings, (report) =>
        rule.checkDocument?.({ document, catalog, catalogs, config, today, suggestions, nextExternalAudit, report }),
      );
    }
    return findings;
  }

  /** Findings of one document against the rest of the repository. */
  crossDocumentFindings(document: SmsDocument, repository: RepositoryView, today: string, suggestions: SuggestionBudget, cycle: () => CycleState): Finding[] {
    const findings: Finding[] = [];
    const { catalog, catalogs, config } = this;
    for (const rule of this.crossDocumentRules) {
      this.guarded(rule, document.path, failureRange(document), 'this document', findings, (report) =>
        rule.checkAcrossDocuments?.({ document, repository, catalog, catalogs, config, today, suggestions, cycle, report }),
      );
    }
    return findings;
  }

  /** Findings about one leaf clause's coverage; `catalog` is the clause's own catalog (the primary when absent). */
  clauseFindings(clause: ClauseCoverage, place: RepositoryPlace, today: string, catalog: ClauseCatalog = this.catalog): Finding[] {
    const findings: Finding[] = [];
    const { catalogs, config } = this;
    for (const rule of this.clauseRules) {
      this.guarded(rule, place.file, place.anchor, `clause ${clause.clause}`, findings, (report) =>
        rule.checkClause?.({ clause, anchor: place.anchor, catalog, catalogs, config, today, report }),
      );
    }
    return findings;
  }

  /** Findings about the repository as a whole. */
  repositoryFindings(place: RepositoryPlace, today: string, cycle: () => CycleState): Finding[] {
    const findings: Finding[] = [];
    const { catalog, catalogs, config } = this;
    for (const rule of this.repositoryRules) {
      this.guarded(rule, place.file, place.anchor, 'the repository', findings, (report) =>
        rule.checkRepository?.({
          anchor: place.anchor,
          locateSetting: place.locateSetting,
          ruleIds: this.ruleIds,
          cycle,
          catalog,
          catalogs,
          config,
          today,
          report,
        }),
      );
    }
    return findings;
  }

  /** Runs one rule's check; its findings are kept only if it finishes, else one `internal.rule-failed` names it. */
  private guarded(rule: Rule, file: string, failedAt: SourceRange | undefined, about: string, into: Finding[], run: (report: Report) => void): void {
    const collected: Finding[] = [];
    try {
      run((range, message, extras) => collected.push(findingOf(rule, file, range, message, extras)));
      into.push(...collected);
    } catch (error) {
      // Named by rule id, so a user can turn the failing rule off until it is fixed, and report it.
      const message = `The check for \`${rule.id}\` failed on ${about} (${error instanceof Error ? error.message : String(error)}); the other checks still ran.`;
      into.push(createFinding('internal.rule-failed', file, failedAt, message));
    }
  }
}

function failureRange(document: SmsDocument): SourceRange {
  return document.id?.range ?? document.frontmatterRange;
}
