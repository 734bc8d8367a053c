import { createHash } from 'node:crypto';
import { join, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import { FILE_SUGGESTION_COMPARISONS, SuggestionBudget } from '../catalog/suggestionBudget.js';
import { ALWAYS_EXCLUDED, type ClausemarkConfig } from '../config/clausemarkConfig.js';
import type { Project } from '../config/loadProject.js';
import { SeverityPolicy } from '../config/severityPolicy.js';
import { coverageReportOf } from '../coverage/clauseState.js';
import { catalogCoverages, type CatalogCoverage } from '../coverage/catalogCoverage.js';
import { otherCatalogFindings } from './catalogFindings.js';
import { clauseCoverageFrom, coverageContribution, type CoverageContribution, type CoverageInput } from '../coverage/computeCoverage.js';
import { documentControl } from '../coverage/documentControl.js';
import type { ClauseCoverage, CoverageReport } from '../coverage/coverageReport.js';
import { isoDay } from '../document/dates.js';
import { readSmsDocument, type ReadResult } from '../document/readSmsDocument.js';
import { compareFindings, type Finding } from '../model/finding.js';
import type { EvidenceLink, SmsDocument } from '../model/smsDocument.js';
import { clauseChecks } from '../rules/clauseChecks.js';
import { controlChecks } from '../rules/controlChecks.js';
import { createFinding } from '../rules/createFinding.js';
import { computeCycle, type CycleState } from '../cycle/cycleState.js';
import { cycleDocumentFindings, cycleRepositoryFindings } from '../rules/cycleFindings.js';
import { nonconformityChecks } from '../rules/nonconformityChecks.js';
import type { DocumentCheck } from '../rules/documentCheck.js';
import { evidenceChecks } from '../rules/evidenceChecks.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { clauseCoverageFindings, evidenceFindings, evidenceState, recordState, traceFindings, type RepositoryView, type TargetState } from '../rules/repositoryChecks.js';
import type { SourceRange } from '../text/sourceRange.js';
import { LineIndex } from '../text/lineIndex.js';
import { decodeText } from '../workspace/decodeText.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { checkDiagrams } from '../diagrams/checkDiagrams.js';
import type { DiagramValidator } from '../diagrams/diagramValidator.js';
import type { DocumentCache } from './documentCache.js';

const DOCUMENT_CHECKS: readonly DocumentCheck[] = [controlChecks, clauseChecks, evidenceChecks, nonconformityChecks];
const CROSS_DOCUMENT_RULES = ['trace.duplicate-id', 'trace.unknown-related', 'evidence.missing-file', 'evidence.outside-repository', 'evidence.stale', 'evidence.undated', 'nc.invalid', 'audit.auditor-not-independent'];

export interface IndexOptions {
  readonly project: Project;
  readonly fs: WorkspaceFileSystem;
  /** The clock; review and evidence dates are judged against its day (UTC). */
  readonly now?: () => Date;
  /** Parse results by content hash, kept between runs. */
  readonly cache?: DocumentCache;
  /** Checks diagram blocks (mermaid) when reading a document; off when absent. */
  readonly validateDiagram?: DiagramValidator;
}

/** One Markdown file the index has read. */
interface IndexedFile {
  readonly path: string;
  readonly hash: string;
  readonly read: ReadResult;
  /** Findings of the single-document checks, for the day they were computed on. */
  documentFindings?: { readonly day: string; readonly findings: readonly Finding[] };
  /** The document's part of the coverage model, for that day; dropped when an evidence target of it changes. */
  coverage?: { readonly day: string; readonly contribution: CoverageContribution };
}

/**
 * The repository's SMS documents and what links them: documents by id, who refers to an id, who links a
 * file as evidence. Setting or deleting one file re-reads only that file and reports which files' findings
 * may have changed, so an editor republishes those and nothing else; the results always equal a full check.
 */
export class WorkspaceIndex implements RepositoryView {
  readonly config: ClausemarkConfig;
  readonly catalog: ClauseCatalog;
  private readonly project: Project;
  private readonly fs: WorkspaceFileSystem;
  private readonly now: () => Date;
  private readonly cache: DocumentCache | undefined;
  private readonly validateDiagram: DiagramValidator | undefined;
  private readonly severity: SeverityPolicy;
  private readonly isIncluded: (path: string) => boolean;
  /** Whether a repository-relative path is in a configured SMS folder (so it must be an SMS document). */
  readonly isInSmsFolder: (path: string) => boolean;

  private readonly files = new Map<string, IndexedFile>();
  private readonly idOwners = new Map<string, Set<string>>();
  private readonly ownersMemo = new Map<string, SmsDocument[]>();
  private idList: readonly string[] | undefined;
  private readonly referrers = new Map<string, Set<string>>();
  private readonly evidenceLinks = new Map<string, Set<string>>();
  private readonly targets = new Map<string, TargetState>();
  private rootRealPath: string | undefined;
  /** `files`' paths in order, kept until a file is added or removed (an edit of a 10,000-file index must not sort them). */
  private sortedPaths: string[] | undefined;
  private coverageMemo: { day: string; report: CoverageReport } | undefined;
  /** Every catalog's coverage, kept while the primary's report is the same object. */
  private catalogsMemo: { primary: CoverageReport; coverages: readonly CatalogCoverage[] } | undefined;
  /** The coverage model kept between edits: each document's part, who names each clause, each clause's coverage. */
  private coverageModel: CoverageModel | undefined;
  /** Files whose coverage part may have changed since the model was last brought up to date. */
  private readonly coverageDirty = new Set<string>();
  private readonly clauseFindings = new WeakMap<ClauseCoverage, readonly Finding[]>();
  private cycleMemo: CycleState | undefined;
  /** Audit reports and documents with findings: their cross-document findings depend on every document. */
  private readonly cycleDocuments = new Set<string>();

  constructor(options: IndexOptions) {
    this.project = options.project;
    this.config = options.project.config;
    this.catalog = options.project.catalog;
    this.fs = options.fs;
    this.now = options.now ?? (() => new Date());
    this.cache = options.cache;
    this.severity = new SeverityPolicy(this.config.rules);
    // A rule that is off does no work: diagrams are only parsed when their rule can report.
    // `diagram.too-complex` only says a diagram could not be checked, so it needs no parsing of its own.
    this.validateDiagram = this.severity.isEnabled('diagram.invalid-mermaid') ? options.validateDiagram : undefined;
    const excluded = picomatch([...ALWAYS_EXCLUDED, ...this.config.exclude], { dot: true });
    const included = picomatch([...this.config.include], { dot: false });
    this.isIncluded = (path) => included(path) && !excluded(path);
    const smsFolders = picomatch([...this.config.smsFolders], { dot: false });
    this.isInSmsFolder = (path) => smsFolders(path);
  }

  get root(): string {
    return this.project.root;
  }

  get today(): string {
    return isoDay(this.now());
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
        const read = await this.readFromDisk(path);
        if (read) this.store(path, read.hash, read.result);
        done++;
        onProgress?.(done, paths.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, paths.length) }, worker));
    await this.refreshTargets([...this.evidenceLinks.keys()]);
    this.coverageMemo = undefined;
    this.coverageModel = undefined;
  }

  /**
   * Sets one file's content: `text` from an editor buffer, or undefined to read it from disk. Returns the
   * files whose findings may have changed (the file itself, documents sharing or referring to its id,
   * documents linking it as evidence, and the config file for coverage).
   */
  async setDocument(path: string, text?: string): Promise<ReadonlySet<string>> {
    if (!this.isIncluded(path)) return this.fileChanged(path);
    const before = this.files.get(path);
    const read = text === undefined ? await this.readFromDisk(path) : await this.readText(path, text);
    if (!read) return this.deleteDocument(path);
    if (before && before.hash === read.hash) return new Set();
    const affected = this.affectedBy(path, before);
    if (before) this.unlink(path);
    this.store(path, read.hash, read.result);
    for (const related of this.affectedBy(path, this.files.get(path))) affected.add(related);
    if (before?.read.document?.id?.value !== read.result.document?.id?.value) {
      for (const referrer of this.unresolvedReferrers()) affected.add(referrer);
    }
    await this.refreshTargets([path, ...this.targetsOf(path)]);
    this.coverageMemo = undefined;
    return affected;
  }

  /** Forgets a file (deleted, or no longer included). */
  async deleteDocument(path: string): Promise<ReadonlySet<string>> {
    const before = this.files.get(path);
    const affected = this.affectedBy(path, before);
    this.unstore(path);
    if (before?.read.document?.id) for (const referrer of this.unresolvedReferrers()) affected.add(referrer);
    await this.refreshTargets([path]);
    this.coverageMemo = undefined;
    return affected;
  }

  /** Any other file created, changed or deleted on disk: documents that link it as evidence are re-checked. */
  async fileChanged(path: string): Promise<ReadonlySet<string>> {
    const linkers = this.evidenceLinks.get(path);
    if (!linkers || linkers.size === 0) return new Set();
    await this.refreshTargets([path]);
    this.coverageMemo = undefined;
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
    const memo = this.ownersMemo.get(id);
    if (memo) return memo;
    const owners = this.idOwners.get(id);
    if (!owners) return [];
    // Kept until the id's owners change: every copy of a duplicated id asks, and sorting each time is quadratic.
    const documents = [...owners].sort().flatMap((path) => this.documentAt(path) ?? []);
    this.ownersMemo.set(id, documents);
    return documents;
  }

  /** Every id, as one array kept until an id comes or goes (id suggestions are remembered per array). */
  allIds(): readonly string[] {
    this.idList ??= [...this.idOwners.keys()];
    return this.idList;
  }

  /** Documents whose `related` lists the id. */
  referrersOf(id: string): string[] {
    return [...(this.referrers.get(id) ?? [])].sort();
  }

  targetState(path: string): TargetState | undefined {
    if (this.files.has(path)) return { exists: true, isFile: true, leavesRepository: false };
    return this.targets.get(path);
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
      findings.push(...entry.read.findings);
      const document = entry.read.document;
      if (document) {
        findings.push(...this.documentFindings(entry, document));
        this.guarded(document, CROSS_DOCUMENT_RULES, (report) => {
          if (this.anyEnabled('trace.duplicate-id', 'trace.unknown-related')) traceFindings(document, this, report, suggestions.forFile());
          if (this.anyEnabled('evidence.missing-file', 'evidence.outside-repository', 'evidence.stale', 'evidence.undated')) evidenceFindings(document, this, report);
          if (this.cycleDocuments.has(document.path) && this.anyEnabled('nc.invalid', 'audit.auditor-not-independent')) cycleDocumentFindings(document, this.cycle(), report);
        }, findings);
      }
    }
    return this.applySeverity(findings);
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
    const anchor = this.repositoryAnchor();
    const findings = [...this.project.findings];
    for (const clause of this.coverage().clauses) {
      let found = this.clauseFindings.get(clause);
      if (!found) this.clauseFindings.set(clause, (found = clauseCoverageFindings(clause, this.catalog, this.repositoryFile, anchor)));
      findings.push(...found);
    }
    findings.push(...cycleRepositoryFindings(this.cycle(), this.catalog, this.repositoryFile, anchor, this.project.locateSetting));
    for (const other of this.catalogCoverages().slice(1)) findings.push(...otherCatalogFindings(other, this.repositoryFile, anchor));
    return findings;
  }

  /** The coverage of every catalog of the project, the primary first (just the primary with one catalog). */
  catalogCoverages(): readonly CatalogCoverage[] {
    const primary = this.coverage();
    if (this.catalogsMemo?.primary === primary) return this.catalogsMemo.coverages;
    const catalogs = this.project.catalogs;
    const parts = catalogs && !catalogs.isSingle ? this.orderedPaths().flatMap((path) => this.coverageModel?.parts.get(path) ?? []) : [];
    const coverages = catalogs && !catalogs.isSingle
      ? catalogCoverages(catalogs, this.config, primary, parts, this.project.crosswalk)
      : [{ alias: catalogs?.primary.alias ?? this.catalog.id, primary: true, catalog: this.catalog, report: primary }];
    this.catalogsMemo = { primary, coverages };
    return coverages;
  }

  /** The certification cycle today: audits held and planned, nonconformities, management reviews. */
  cycle(): CycleState {
    if (this.cycleMemo?.day !== this.today) this.cycleMemo = computeCycle(this.documents(), this.catalog, this.config, this.today);
    return this.cycleMemo;
  }

  coverage(): CoverageReport {
    const day = this.today;
    if (this.coverageMemo?.day === day) return this.coverageMemo.report;
    // Each document's part is kept between edits, so an edit recomputes only the parts it touched.
    const states = {
      evidenceState: (document: SmsDocument, link: EvidenceLink) => evidenceState(document, link, this),
      recordState: (document: SmsDocument) => recordState(document, this),
      documentControl: (document: SmsDocument) => documentControl(document, day, this.config.reviewWarningDays),
      ...(this.project.catalogs && !this.project.catalogs.isSingle ? { clauseKey: (written: string) => this.project.catalogs!.key(written) } : {}),
    };
    let model = this.coverageModel;
    let changedClauses: Iterable<string>;
    if (!model || model.day !== day) {
      model = { day, parts: new Map(), namedBy: new Map(), clauses: new Map() };
      this.coverageModel = model;
      this.coverageDirty.clear();
      for (const path of this.orderedPaths()) this.updateCoveragePart(model, path, states);
      changedClauses = this.catalog.leaves().map((leaf) => leaf.id);
    } else {
      // Only the parts of files that changed, and only the clauses those parts name, are recomputed.
      const changed = new Set<string>();
      for (const path of this.coverageDirty) for (const clause of this.updateCoveragePart(model, path, states)) changed.add(clause);
      this.coverageDirty.clear();
      changedClauses = changed;
    }
    for (const clause of changedClauses) {
      if (!this.catalog.get(clause)?.isLeaf) continue;
      const namers = [...(model.namedBy.get(clause) ?? [])].sort();
      model.clauses.set(clause, clauseCoverageFrom(this.catalog, this.config, clause, namers.flatMap((path) => model.parts.get(path) ?? [])));
    }
    const report = coverageReportOf(this.catalog, this.catalog.leaves().flatMap((leaf) => model.clauses.get(leaf.id) ?? []));
    this.coverageMemo = { day, report };
    return report;
  }

  /** Brings one file's coverage part up to date; returns the clauses whose coverage that may change. */
  private updateCoveragePart(model: CoverageModel, path: string, states: Pick<CoverageInput, 'evidenceState' | 'recordState' | 'documentControl'>): string[] {
    const entry = this.files.get(path);
    const document = entry?.read.document;
    if (entry && document && entry.coverage?.day !== model.day) entry.coverage = { day: model.day, contribution: coverageContribution(document, states) };
    const after = entry && document ? entry.coverage?.contribution : undefined;
    const before = model.parts.get(path);
    if (before === after) return [];
    const clauses = [...clausesNamed(before), ...clausesNamed(after)];
    for (const clause of clausesNamed(before)) removeFrom(model.namedBy, clause, path);
    for (const clause of clausesNamed(after)) addTo(model.namedBy, clause, path);
    if (after) model.parts.set(path, after);
    else model.parts.delete(path);
    return clauses;
  }

  private documentFindings(entry: IndexedFile, document: SmsDocument): readonly Finding[] {
    const day = this.today;
    if (entry.documentFindings?.day === day) return entry.documentFindings.findings;
    const findings: Finding[] = [];
    for (const check of DOCUMENT_CHECKS) {
      if (!check.rules.some((rule) => this.severity.isEnabled(rule))) continue;
      this.guarded(document, check.rules, (report) => {
        check.run({
          document,
          catalog: this.catalog,
          // The set only when its primary is the catalog checked against (a project built by hand may differ).
          ...(this.project.catalogs?.primary.catalog === this.catalog ? { catalogs: this.project.catalogs } : {}),
          config: this.config,
          today: day,
          // Per document only: these findings are kept per file, so they must not depend on which files came first.
          suggestions: new SuggestionBudget(FILE_SUGGESTION_COMPARISONS),
          report: (ruleId, range, message, extras) => report(createFinding(ruleId, document.path, range, message, extras)),
        });
      }, findings);
    }
    entry.documentFindings = { day, findings };
    return findings;
  }

  /** Runs checks so that a failure in one becomes a finding on the document instead of stopping the others. */
  private guarded(document: SmsDocument, rules: readonly string[], run: (report: (finding: Finding) => void) => void, into: Finding[]): void {
    const collected: Finding[] = [];
    try {
      run((finding) => collected.push(finding));
      into.push(...collected);
    } catch (error) {
      // Named by rule ids, so a user can turn the failing rules off until it is fixed, and report it.
      const message = `The check for ${rules.map((rule) => `\`${rule}\``).join(', ')} failed on this document (${error instanceof Error ? error.message : String(error)}); the other checks still ran.`;
      into.push(createFinding('internal.rule-failed', document.path, document.id?.range ?? document.frontmatterRange, message));
    }
  }

  private anyEnabled(...rules: string[]): boolean {
    return rules.some((rule) => this.severity.isEnabled(rule));
  }

  private applySeverity(findings: Finding[]): Finding[] {
    return findings.flatMap((finding) => this.severity.apply(finding) ?? []);
  }

  /** Where repository-level findings sit in the config file (its `catalog` key, else the whole object). */
  repositoryAnchor(): SourceRange | undefined {
    if (this.project.configFile === undefined) return undefined;
    return this.project.locateSetting(['catalog'], 'key') ?? this.project.locateSetting([], 'value');
  }

  /** Files whose cross-document findings depend on `path`'s document as it is now in the index. */
  private affectedBy(path: string, entry: IndexedFile | undefined): Set<string> {
    const affected = new Set<string>([path, this.repositoryFile]);
    const id = entry?.read.document?.id?.value;
    if (id !== undefined) {
      for (const owner of this.idOwners.get(id) ?? []) affected.add(owner);
      for (const referrer of this.referrers.get(id) ?? []) affected.add(referrer);
    }
    for (const linker of this.evidenceLinks.get(path) ?? []) affected.add(linker);
    for (const cyclePath of this.cycleDocuments) affected.add(cyclePath);
    return affected;
  }

  /** Documents with a `related` id that matches no document: their suggestions depend on every id there is. */
  private unresolvedReferrers(): Set<string> {
    const referrers = new Set<string>();
    for (const [id, paths] of this.referrers) {
      if (!this.idOwners.has(id)) for (const path of paths) referrers.add(path);
    }
    return referrers;
  }

  private targetsOf(path: string): string[] {
    const document = this.documentAt(path);
    if (!document) return [];
    return document.evidence.flatMap((link) => {
      if (!link.path) return [];
      const location = resolveEvidencePath(path, link.path.value);
      return location.kind === 'inside' ? [location.path] : [];
    });
  }

  private store(path: string, hash: string, read: ReadResult): void {
    if (!this.files.has(path)) this.sortedPaths = undefined;
    this.coverageDirty.add(path);
    this.files.set(path, { path, hash, read });
    this.cycleMemo = undefined;
    const document = read.document;
    if (!document) return;
    if (document.type?.value === 'audit' || document.findings) this.cycleDocuments.add(path);
    if (document.id) {
      addTo(this.idOwners, document.id.value, path);
      this.ownersMemo.delete(document.id.value);
      this.idList = undefined;
    }
    for (const reference of document.related) addTo(this.referrers, reference.value, path);
    for (const target of this.targetsOf(path)) addTo(this.evidenceLinks, target, path);
  }

  private unstore(path: string): void {
    this.unlink(path);
    if (this.files.delete(path)) this.sortedPaths = undefined;
    this.cycleMemo = undefined;
    this.coverageDirty.add(path);
  }

  /** Removes what the file's document adds to the id, reference and evidence maps. */
  private unlink(path: string): void {
    this.cycleDocuments.delete(path);
    const document = this.documentAt(path);
    if (!document) return;
    if (document.id) {
      removeFrom(this.idOwners, document.id.value, path);
      this.ownersMemo.delete(document.id.value);
      this.idList = undefined;
    }
    for (const reference of document.related) removeFrom(this.referrers, reference.value, path);
    for (const target of this.targetsOf(path)) removeFrom(this.evidenceLinks, target, path);
  }

  /** Whether an existing path, with every symlink followed, is the root or lies below it. */
  private async isInsideRoot(absolute: string): Promise<boolean> {
    this.rootRealPath ??= (await this.fs.realpath(this.root)) ?? this.root;
    const rootPrefix = this.rootRealPath.endsWith(sep) ? this.rootRealPath : this.rootRealPath + sep;
    const real = await this.fs.realpath(absolute);
    return real !== undefined && (real === this.rootRealPath || real.startsWith(rootPrefix));
  }

  /** Looks on disk at evidence targets (existence, and whether a symlink leads out of the repository). */
  private async refreshTargets(paths: readonly string[]): Promise<void> {
    // Documents linking these paths as evidence see them anew: their coverage parts are recomputed.
    for (const path of paths) {
      for (const linker of this.evidenceLinks.get(path) ?? []) {
        const entry = this.files.get(linker);
        if (entry) delete entry.coverage;
        this.coverageDirty.add(linker);
      }
    }
    await Promise.all(
      paths.map(async (path) => {
        if (this.files.has(path)) {
          this.targets.delete(path);
          return;
        }
        const absolute = join(this.root, path);
        const stat = await this.fs.stat(absolute);
        if (!stat) {
          this.targets.set(path, { exists: false, isFile: false, leavesRepository: false });
          return;
        }
        this.targets.set(path, { exists: true, isFile: stat.kind === 'file', leavesRepository: !(await this.isInsideRoot(absolute)) });
      }),
    );
  }

  private async readFromDisk(path: string): Promise<{ hash: string; result: ReadResult } | undefined> {
    const absolute = join(this.root, path);
    const inSmsFolder = this.isInSmsFolder(path);
    let bytes: Uint8Array;
    try {
      const stat = await this.fs.stat(absolute);
      // A name that is not valid UTF-8 comes back from the folder listing with U+FFFD in place of its bad bytes,
      // and no file has that name: say so rather than skip a document the repository holds.
      if (!stat && path.includes('\uFFFD')) return this.unreadable(path, inSmsFolder, 'its name is not valid UTF-8, so it cannot be opened by name; rename it', 'name');
      if (!stat || stat.kind === 'directory') return undefined;
      // Never read a pipe (it would block) or a device; say so rather than skip a file that should be a document.
      if (stat.kind !== 'file') return this.unreadable(path, inSmsFolder, 'it is not a regular file (a pipe, socket or device)', 'other');
      if (!(await this.isInsideRoot(absolute))) {
        return this.unreadable(path, inSmsFolder, 'it is a link to a place outside the repository, which Clausemark does not read', 'outside');
      }
      const limit = this.config.maxFileSizeKB * 1024;
      if (stat.size > limit) {
        // Outside the SMS folders a large file is most likely a changelog or generated page, not ours to report.
        return this.unreadable(path, inSmsFolder, `it is ${Math.ceil(stat.size / 1024)} KB, over the ${this.config.maxFileSizeKB} KB limit (\`maxFileSizeKB\` in clausemark.json)`, `size:${stat.size}`);
      }
      bytes = await this.fs.readFile(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined; // deleted while being read
      return this.unreadable(path, true, code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : `reading it failed (${code ?? String(error)})`, `error:${code ?? ''}`);
    }
    const decoded = decodeText(bytes, this.config.maxFileSizeKB * 1024);
    if (!decoded.ok) {
      const looksLikeDocument = inSmsFolder || (bytes[0] === 0x2d && bytes[1] === 0x2d && bytes[2] === 0x2d);
      return this.unreadable(path, looksLikeDocument, decoded.reason, `bad:${hashOf(bytes)}`);
    }
    return this.readText(path, decoded.text);
  }

  private async readText(path: string, text: string): Promise<{ hash: string; result: ReadResult }> {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const inSmsFolder = this.isInSmsFolder(path);
    // The path is part of the key: findings name their file, so equal content elsewhere is another result.
    const hash = hashOf(`${path}\0${inSmsFolder ? 1 : 0}\0${this.validateDiagram ? 'diagrams' : ''}\0${this.config.extraFields.join(',')}\0${body}`);
    const cached = this.cache?.get(hash, body);
    if (cached) return { hash, result: cached };
    let result: ReadResult;
    try {
      result = readSmsDocument(path, body, { inSmsFolder, extraFields: this.config.extraFields });
    } catch (error) {
      // A parser bug on one file must not stop the check of the others; the failure is not cached.
      const lines = new LineIndex(body);
      const message = `Clausemark could not read this file (${error instanceof Error ? error.message : String(error)}); the other files were still checked.`;
      return { hash, result: { path, isSmsDocument: true, findings: [createFinding('internal.rule-failed', path, lines.lineRange(1), message)], lines } };
    }
    if (this.validateDiagram && result.document && result.document.diagrams.length > 0) {
      result = { ...result, findings: [...result.findings, ...(await checkDiagrams(result.document, result.lines, this.validateDiagram))] };
    }
    // A diagram stopped at its time limit might parse on a faster machine: such a result is not kept.
    if (!result.findings.some((finding) => finding.ruleId === 'diagram.too-complex')) this.cache?.set(hash, result);
    return { hash, result };
  }

  private unreadable(path: string, report: boolean, reason: string, hash: string): { hash: string; result: ReadResult } {
    const lines = new LineIndex('');
    const findings = report ? [createFinding('file.unreadable', path, lines.lineRange(1), `This file cannot be checked: ${reason}.`)] : [];
    return { hash, result: { path, isSmsDocument: report, findings, lines } };
  }
}

/** What the index keeps of the coverage model for one day. */
interface CoverageModel {
  readonly day: string;
  readonly parts: Map<string, CoverageContribution>;
  /** Clause → the files whose parts name it. */
  readonly namedBy: Map<string, Set<string>>;
  readonly clauses: Map<string, ClauseCoverage>;
}

function clausesNamed(contribution: CoverageContribution | undefined): string[] {
  if (!contribution) return [];
  return [...contribution.addressing.map(([clause]) => clause), ...contribution.evidence.map(([clause]) => clause)];
}

function hashOf(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
