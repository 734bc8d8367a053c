import picomatch from 'picomatch';
import { BUILTIN_CATALOGS } from '../catalog/builtinCatalogs.js';
import { CatalogSet } from '../catalog/catalogSet.js';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { SuggestionBudget } from '../catalog/suggestionBudget.js';
import { ALWAYS_EXCLUDED, type ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { Project } from '../config/loadProject.js';
import { SeverityPolicy } from '../config/severityPolicy.js';
import { catalogCoverages, primaryWithCrosswalk, type CatalogCoverage } from '../coverage/catalogCoverage.js';
import { documentControl } from '../coverage/documentControl.js';
import type { ClauseCoverage, CoverageReport } from '../coverage/coverageReport.js';
import { computeCycle, type CycleState } from '../cycle/cycleState.js';
import { CycleMemo } from '../cycle/cycleMemo.js';
import { changesCycle } from '../cycle/cycleSignature.js';
import { isoDay } from '../model/dates.js';
import type { ReadResult } from '../document/readSmsDocument.js';
import type { DiagramValidator } from '../diagrams/diagramValidator.js';
import { compareFindings, type Finding } from '../model/finding.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
import { RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import { evidenceState, recordState, type RepositoryView, type TargetState } from '../rules/repositoryView.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { IncrementalCoverage } from './coverageModel.js';
import { otherCatalogFinding } from './catalogFindings.js';
import type { DocumentCache } from './documentCache.js';
import { DocumentReader, type FileRead } from './documentReader.js';
import { EvidenceTargets } from './evidenceTargets.js';
import { evidenceTargetsOf, LinkGraph } from './linkGraph.js';
import { RootGuard } from './rootGuard.js';
import { RuleRunner } from './ruleRunner.js';

export interface IndexOptions {
  readonly project: Project;
  readonly fs: WorkspaceFileSystem;
  /** The clock; review and evidence dates are judged against its day (UTC). */
  readonly now?: () => Date;
  /** Parse results by content hash, kept between runs. */
  readonly cache?: DocumentCache;
  /** Checks diagram blocks (mermaid) when reading a document; off when absent. */
  readonly validateDiagram?: DiagramValidator;
  /** The rules to run; the registry's when absent (a test may run its own). */
  readonly rules?: readonly Rule[];
}

/** One Markdown file the index has read. */
interface IndexedFile {
  readonly hash: string;
  readonly read: ReadResult;
  /** Findings of the single-document checks, for the day they were computed on. */
  documentFindings?: { readonly day: string; readonly findings: readonly Finding[] };
}

/**
 * The repository's SMS documents and what links them. Setting or deleting one file re-reads only that file and
 * reports which files' findings may have changed, so an editor republishes those and nothing else; the results
 * always equal a full check. A facade over the reader, the link graph, the evidence targets, the coverage model
 * and the rule runner (one file each in this folder).
 */
export class WorkspaceIndex implements RepositoryView {
  readonly config: ClausemarkConfig;
  /** The primary catalog. */
  readonly catalog: ClauseCatalog;
  /** Every catalog of the project under its alias, the primary (`catalog`) first. */
  readonly catalogs: CatalogSet;
  private readonly project: Project;
  private readonly fs: WorkspaceFileSystem;
  private readonly now: () => Date;
  private readonly isIncluded: (path: string) => boolean;
  /** Whether a repository-relative path is in a configured SMS folder (so it must be an SMS document). */
  readonly isInSmsFolder: (path: string) => boolean;
  private readonly severity: SeverityPolicy;
  private readonly reader: DocumentReader;
  private readonly runner: RuleRunner;
  private readonly links: LinkGraph;
  private readonly targets: EvidenceTargets;
  private readonly coverageModel: IncrementalCoverage;

  private readonly files = new Map<string, IndexedFile>();
  /** `files`' paths in order, kept until a file is added or removed (an edit of a 10,000-file index must not sort them). */
  private sortedPaths: string[] | undefined;
  private readonly clauseFindings = new WeakMap<ClauseCoverage, readonly Finding[]>();
  private cycleMemo: CycleState | undefined;
  /** Every catalog's coverage, kept while the primary's report is the same object. */
  private catalogsMemo: { primary: CoverageReport; partsVersion: number; coverages: readonly CatalogCoverage[] } | undefined;
  /** What the cycle's computation keeps between edits (per document, per auditor). */
  private readonly cycleParts = new CycleMemo();
  private dayMemo: { readonly dayNumber: number; readonly day: string } | undefined;

  constructor(options: IndexOptions) {
    this.project = options.project;
    this.config = options.project.config;
    this.catalog = options.project.catalog;
    // The project's set only when its primary is the catalog checked against (a project built by hand may differ).
    const catalogs = options.project.catalogs;
    this.catalogs = catalogs?.primary.catalog === this.catalog ? catalogs : CatalogSet.single(this.catalog);
    this.fs = options.fs;
    this.now = options.now ?? (() => new Date());
    this.severity = new SeverityPolicy(this.config.rules);
    const excluded = picomatch([...ALWAYS_EXCLUDED, ...this.config.exclude], { dot: true });
    const included = picomatch([...this.config.include], { dot: false });
    this.isIncluded = (path) => included(path) && !excluded(path);
    const smsFolders = picomatch([...this.config.smsFolders], { dot: false });
    this.isInSmsFolder = (path) => smsFolders(path);
    const rootGuard = new RootGuard(this.fs, this.root);
    this.reader = new DocumentReader({
      root: this.root,
      fs: this.fs,
      config: this.config,
      rootGuard,
      isInSmsFolder: this.isInSmsFolder,
      cache: options.cache,
      // A rule that is off does no work: diagrams are only parsed when their rule can report.
      // `diagram.too-complex` only says a diagram could not be checked, so it needs no parsing of its own.
      validateDiagram: this.severity.isEnabled('diagram.invalid-mermaid') ? options.validateDiagram : undefined,
    });
    this.runner = new RuleRunner(options.rules ?? RULES, this.severity, this.catalog, this.catalogs, this.config);
    this.links = new LinkGraph((path) => this.documentAt(path));
    this.targets = new EvidenceTargets(this.fs, this.root, rootGuard);
    this.coverageModel = new IncrementalCoverage(this.catalog, this.config);
  }

  get root(): string {
    return this.project.root;
  }

  get today(): string {
    // Asked many times per edit; formatting a date each time cost more than the edit's own checks at 10,000 documents.
    const time = this.now().getTime();
    const dayNumber = Math.floor(time / 86_400_000);
    if (this.dayMemo?.dayNumber !== dayNumber) this.dayMemo = { dayNumber, day: isoDay(new Date(time)) };
    return this.dayMemo.day;
  }

  /** Whether a repository-relative path is a Markdown file this index reads. */
  includes(path: string): boolean {
    return this.isIncluded(path);
  }

  /** Reads every included Markdown file under the root. `onProgress` hears how many are done. */
  async scan(onProgress?: (done: number, total: number) => void): Promise<void> {
    const exclude = [...ALWAYS_EXCLUDED, ...this.config.exclude];
    const paths = (await this.fs.findFiles(this.root, this.config.include, exclude)).filter((path) => this.isIncluded(path));
    let done = 0;
    const queue = [...paths];
    // A few reads in flight keep the disk busy without opening thousands of files at once.
    const worker = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const read = await this.reader.readFromDisk(path);
        if (read) this.store(path, read);
        done++;
        onProgress?.(done, paths.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, paths.length) }, worker));
    await this.refreshTargets(this.links.linkedTargets());
    this.coverageModel.reset();
  }

  /**
   * Sets one file's content: `text` from an editor buffer, or undefined to read it from disk. Returns the
   * files whose findings may have changed (the file itself, documents sharing or referring to its id,
   * documents linking it as evidence, and the config file for coverage).
   */
  async setDocument(path: string, text?: string): Promise<ReadonlySet<string>> {
    if (!this.isIncluded(path)) return this.fileChanged(path);
    const before = this.files.get(path);
    const read = text === undefined ? await this.reader.readFromDisk(path) : await this.reader.readText(path, text);
    if (!read) return this.deleteDocument(path);
    if (before && before.hash === read.hash) return new Set();
    const cycleMayChange = !before || changesCycle(before.read.document, read.result.document);
    const affected = this.links.affectedBy(path, before?.read.document, this.repositoryFile, cycleMayChange);
    if (before) this.links.remove(path, before.read.document);
    this.store(path, read);
    for (const related of this.links.affectedBy(path, read.result.document, this.repositoryFile, cycleMayChange)) affected.add(related);
    if (before?.read.document?.id?.value !== read.result.document?.id?.value) {
      for (const referrer of this.links.unresolvedReferrers()) affected.add(referrer);
    }
    const document = read.result.document;
    await this.refreshTargets([path, ...(document ? evidenceTargetsOf(path, document) : [])]);
    return affected;
  }

  /** Forgets a file (deleted, or no longer included). */
  async deleteDocument(path: string): Promise<ReadonlySet<string>> {
    const before = this.files.get(path);
    const affected = this.links.affectedBy(path, before?.read.document, this.repositoryFile, true);
    this.links.remove(path, before?.read.document);
    if (this.files.delete(path)) this.sortedPaths = undefined;
    this.cycleMemo = undefined;
    this.coverageModel.forget(path);
    if (before?.read.document?.id) for (const referrer of this.links.unresolvedReferrers()) affected.add(referrer);
    await this.refreshTargets([path]);
    return affected;
  }

  /** Any other file created, changed or deleted on disk: documents that link it as evidence are re-checked. */
  async fileChanged(path: string): Promise<ReadonlySet<string>> {
    const linkers = this.links.linkersOf(path);
    if (linkers.size === 0) return new Set();
    await this.refreshTargets([path]);
    return new Set([...linkers, this.repositoryFile]);
  }

  /** The file repository-level findings are placed on: the config file, or `.` without one. */
  get repositoryFile(): string {
    return this.project.configFile ?? '.';
  }

  paths(): string[] {
    return [...this.orderedPaths()];
  }

  private orderedPaths(): readonly string[] {
    this.sortedPaths ??= [...this.files.keys()].sort();
    return this.sortedPaths;
  }

  /** The parse result of a file (also for files that are not SMS documents). */
  readResult(path: string): ReadResult | undefined {
    return this.files.get(path)?.read;
  }

  documentAt(path: string): SmsDocument | undefined {
    return this.files.get(path)?.read.document;
  }

  documents(): SmsDocument[] {
    return this.orderedPaths().flatMap((path) => this.files.get(path)?.read.document ?? []);
  }

  documentsWithId(id: string): SmsDocument[] {
    return this.links.documentsWithId(id);
  }

  /** Every id, as one array kept until an id comes or goes (id suggestions are remembered per array). */
  allIds(): readonly string[] {
    return this.links.allIds();
  }

  /** Documents whose `related` lists the id. */
  referrersOf(id: string): string[] {
    return this.links.referrersOf(id);
  }

  targetState(path: string): TargetState | undefined {
    if (this.files.has(path)) return { exists: true, isFile: true, leavesRepository: false };
    return this.targets.stateOf(path);
  }

  /**
   * All findings of one file, at their configured severities. `suggestions` is the run's budget when a
   * whole check asks for every file; alone, the file's own budget bounds it.
   */
  findingsFor(path: string, suggestions: SuggestionBudget = SuggestionBudget.forRun()): Finding[] {
    const findings: Finding[] = [];
    if (path === this.repositoryFile) findings.push(...this.repositoryFindings());
    const entry = this.files.get(path);
    if (entry) {
      if (entry.read.problems) findings.push(...this.runner.readFindings(entry.read));
      const document = entry.read.document;
      if (document) {
        findings.push(...this.documentFindings(entry, document));
        findings.push(...this.runner.crossDocumentFindings(document, this, this.today, suggestions.forFile(), () => this.cycle()));
      }
    }
    return findings.flatMap((finding) => this.severity.apply(finding) ?? []);
  }

  /** Every finding of the repository, sorted. */
  allFindings(): Finding[] {
    // In path order: the run's suggestion budget goes to the same files whichever order they were read in.
    const paths = new Set([...this.orderedPaths(), this.repositoryFile]);
    const suggestions = SuggestionBudget.forRun();
    return [...paths].flatMap((path) => this.findingsFor(path, suggestions)).sort(compareFindings);
  }

  /** Findings about the repository as a whole: configuration and coverage. */
  repositoryFindings(): Finding[] {
    const place = {
      file: this.repositoryFile,
      anchor: this.repositoryAnchor(),
      locateSetting: (path: (string | number)[], part?: 'key' | 'value') => this.project.locateSetting(path, part),
    };
    const today = this.today;
    const findings = this.runner.configFindings(this.project.problems, place);
    for (const clause of this.coverage().clauses) {
      let found = this.clauseFindings.get(clause);
      if (!found) this.clauseFindings.set(clause, (found = this.runner.clauseFindings(clause, place, today)));
      findings.push(...found);
    }
    findings.push(...this.runner.repositoryFindings(place, today, () => this.cycle()));
    // The other catalogs' clauses: the same rules, each finding naming its clause qualified (`27001:A.5.1`).
    for (const other of this.catalogCoverages().slice(1)) {
      for (const clause of other.report.clauses) {
        let found = this.clauseFindings.get(clause);
        if (!found)
          this.clauseFindings.set(
            clause,
            (found = this.runner
              .clauseFindings(clause, place, today, other.catalog)
              .map((finding) => otherCatalogFinding(finding, other.alias, clause.clause))),
          );
        findings.push(...found);
      }
    }
    return findings;
  }

  /** The coverage of every catalog of the project, the primary first (just the primary with one catalog). */
  catalogCoverages(): readonly CatalogCoverage[] {
    const primary = this.coverage();
    const partsVersion = this.coverageModel.version;
    if (this.catalogsMemo?.primary === primary && this.catalogsMemo.partsVersion === partsVersion) return this.catalogsMemo.coverages;
    const catalogs = this.catalogs;
    const coverages = catalogs.isSingle
      ? [{ alias: catalogs.primary.alias, primary: true, catalog: this.catalog, report: primary }]
      : catalogCoverages(catalogs, this.config, primary, this.coverageModel.contributionsOf(this.orderedPaths()), this.project.crosswalk);
    this.catalogsMemo = { primary, partsVersion, coverages };
    return coverages;
  }

  /** The certification cycle today: audits held and planned, nonconformities, management reviews. */
  cycle(): CycleState {
    if (this.cycleMemo?.day !== this.today) this.cycleMemo = computeCycle(this.documents(), this.catalog, this.config, this.today, this.cycleParts);
    return this.cycleMemo;
  }

  coverage(): CoverageReport {
    const day = this.today;
    const cycleCatalog = this.catalogs.entries.find((entry) => entry.catalog.id === 'iso20000-1:2018');
    // A project without 20000-1 but with one custom catalog keeps the bare ids (its own catalog may number the cycle so).
    const keepIds = this.catalogs.isSingle && (cycleCatalog !== undefined || !BUILTIN_CATALOGS.has(this.catalogs.entries[0]?.catalog.id ?? ''));
    return this.coverageModel.report(day, this.orderedPaths(), (path) => this.documentAt(path), {
      evidenceState: (document: SmsDocument, link: EvidenceLink) => evidenceState(document, link, this),
      recordState: (document: SmsDocument) => recordState(document, this),
      documentControl: (document: SmsDocument) => documentControl(document, day, this.config.reviewWarningDays),
      // `TSC:CC6.1` (a qualified id, or an id listed under its alias) counts for CC6.1 even with one catalog.
      clauseKey: (written: string) => this.catalogs.key(written),
      // Audit reports, reviews and corrective actions are evidence of 20000-1's 9.2, 9.3 and 10.1, never of another
      // standard's clauses of the same number (27001 and 9001 10.1 is continual improvement), whatever the order.
      cycleClauseKey: (id: string) => (keepIds ? id : cycleCatalog === undefined ? undefined : this.catalogs.key(`${cycleCatalog.alias}:${id}`)),
      // With 20000-1 after the primary, its claims count for the primary through the crosswalk too.
      crosswalked: (part) => primaryWithCrosswalk(this.catalogs, part, this.project.crosswalk),
    });
  }

  /** Where repository-level findings sit in the config file (its `catalog` key, else the whole object). */
  repositoryAnchor(): SourceRange | undefined {
    if (this.project.configFile === undefined) return undefined;
    return this.project.locateSetting(['catalog'], 'key') ?? this.project.locateSetting([], 'value');
  }

  private documentFindings(entry: IndexedFile, document: SmsDocument): readonly Finding[] {
    const day = this.today;
    if (entry.documentFindings?.day === day) return entry.documentFindings.findings;
    const findings = this.runner.documentFindings(document, day);
    entry.documentFindings = { day, findings };
    return findings;
  }

  private store(path: string, read: FileRead): void {
    const before = this.files.get(path);
    if (!before) this.sortedPaths = undefined;
    this.files.set(path, { hash: read.hash, read: read.result });
    this.coverageModel.forget(path);
    if (!before || changesCycle(before.read.document, read.result.document)) this.cycleMemo = undefined;
    if (read.result.document) this.links.add(path, read.result.document);
  }

  /** Looks on disk at evidence targets again; documents linking them have their coverage parts recomputed. */
  private async refreshTargets(paths: readonly string[]): Promise<void> {
    for (const path of paths) for (const linker of this.links.linkersOf(path)) this.coverageModel.forget(linker);
    await this.targets.refresh(paths, (path) => this.files.has(path));
  }
}
