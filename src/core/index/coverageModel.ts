import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { coverageReportOf } from '../coverage/clauseState.js';
import { clauseCoverageFrom, coverageContribution, type CoverageContribution, type CoverageInput } from '../coverage/computeCoverage.js';
import type { ClauseCoverage, CoverageReport } from '../coverage/coverageReport.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { OffsetRange } from '../text/lineIndex.js';
import { addTo, removeFrom } from './pathSets.js';

/**
 * How a document's part of the coverage model judges its evidence and its control; `crosswalked` adds what a
 * crosswalk counts for the catalog of the model (see primaryWithCrosswalk).
 */
export type CoverageStates = Pick<CoverageInput, 'evidenceState' | 'recordState' | 'documentControl' | 'clauseKey' | 'cycleClauseKey'> & {
  readonly crosswalked?: (part: CoverageContribution) => CoverageContribution;
};

/** What is kept of the coverage model for one day. */
interface CoverageModel {
  readonly day: string;
  readonly parts: Map<string, CoverageContribution>;
  /** Clause → the files whose parts name it. */
  readonly namedBy: Map<string, Set<string>>;
  readonly clauses: Map<string, ClauseCoverage>;
}

/**
 * The coverage model kept between edits: each document's part, who names each clause, each clause's coverage.
 * An edit recomputes only the parts it touched and only the clauses those parts name.
 */
export class IncrementalCoverage {
  private memo: { day: string; report: CoverageReport } | undefined;
  private model: CoverageModel | undefined;
  private partsVersion = 0;
  /** The report last built and the model it was built from. */
  private last: { readonly model: CoverageModel; readonly report: CoverageReport } | undefined;
  /** Files whose part may have changed since the model was last brought up to date. */
  private readonly dirty = new Set<string>();
  /** Each file's part, for the day it was computed on; dropped when the file or an evidence target of it changes. */
  private readonly contributions = new Map<string, { readonly day: string; readonly contribution: CoverageContribution }>();

  constructor(
    private readonly catalog: ClauseCatalog,
    private readonly config: ClausemarkConfig,
  ) {}

  /** The file, or something its part depends on, changed: its part is recomputed on the next report. */
  forget(path: string): void {
    this.contributions.delete(path);
    this.dirty.add(path);
    this.memo = undefined;
  }

  /** Every file was read anew: the model is rebuilt on the next report. */
  reset(): void {
    this.memo = undefined;
    this.model = undefined;
  }

  report(day: string, paths: readonly string[], documentAt: (path: string) => SmsDocument | undefined, states: CoverageStates): CoverageReport {
    if (this.memo?.day === day) return this.memo.report;
    let model = this.model;
    let changedClauses: Iterable<string>;
    if (!model || model.day !== day) {
      model = { day, parts: new Map(), namedBy: new Map(), clauses: new Map() };
      this.partsVersion += 1;
      this.model = model;
      this.dirty.clear();
      for (const path of paths) this.updatePart(model, path, documentAt(path), states);
      changedClauses = this.catalog.leaves().map((leaf) => leaf.id);
    } else {
      const changed = new Set<string>();
      for (const path of this.dirty) for (const clause of this.updatePart(model, path, documentAt(path), states)) changed.add(clause);
      this.dirty.clear();
      changedClauses = changed;
    }
    let changed = this.last?.model !== model;
    for (const clause of changedClauses) {
      if (!this.catalog.get(clause)?.isLeaf) continue;
      const namers = [...(model.namedBy.get(clause) ?? [])].sort();
      model.clauses.set(
        clause,
        clauseCoverageFrom(
          this.catalog,
          this.config,
          clause,
          namers.flatMap((path) => model.parts.get(path) ?? []),
        ),
      );
      changed = true;
    }
    // No clause changed: the report (and every finding kept per clause) stays the same object.
    const report =
      !changed && this.last
        ? this.last.report
        : coverageReportOf(
            this.catalog,
            this.catalog.leaves().flatMap((leaf) => model.clauses.get(leaf.id) ?? []),
          );
    this.last = { model, report };
    this.memo = { day, report };
    return report;
  }

  /**
   * Counts changes of any file's part, including claims of the other catalogs, which leave the primary's report
   * the same object: what is built from the parts (the other catalogs' coverage) is kept while this is unchanged.
   */
  get version(): number {
    return this.partsVersion;
  }

  /** The parts of the files in `paths` order, as of the last report (the other catalogs are assembled from them). */
  contributionsOf(paths: readonly string[]): CoverageContribution[] {
    const model = this.model;
    return model ? paths.flatMap((path) => model.parts.get(path) ?? []) : [];
  }

  /** Brings one file's part up to date; returns the clauses whose coverage that may change. */
  private updatePart(model: CoverageModel, path: string, document: SmsDocument | undefined, states: CoverageStates): string[] {
    let after: CoverageContribution | undefined;
    if (document) {
      let kept = this.contributions.get(path);
      if (kept?.day !== model.day) {
        const part = coverageContribution(document, states);
        this.contributions.set(path, (kept = { day: model.day, contribution: unlessSame(model.parts.get(path), states.crosswalked?.(part) ?? part) }));
      }
      after = kept.contribution;
    } else {
      this.contributions.delete(path);
    }
    const before = model.parts.get(path);
    if (before === after) return [];
    this.partsVersion += 1;
    const clauses = [...clausesNamed(before), ...clausesNamed(after)];
    for (const clause of clausesNamed(before)) removeFrom(model.namedBy, clause, path);
    for (const clause of clausesNamed(after)) addTo(model.namedBy, clause, path);
    if (after) model.parts.set(path, after);
    else model.parts.delete(path);
    return clauses;
  }
}

function clausesNamed(contribution: CoverageContribution | undefined): string[] {
  if (!contribution) return [];
  return [...contribution.addressing.map(([clause]) => clause), ...contribution.evidence.map(([clause]) => clause)];
}

/** What a part says, as text (ranges as their offsets and positions), computed once per part. */
const CONTENTS = new WeakMap<CoverageContribution, string>();
function contentOf(contribution: CoverageContribution): string {
  let content = CONTENTS.get(contribution);
  if (content === undefined) CONTENTS.set(contribution, (content = JSON.stringify(contribution, withOffsets)));
  return content;
}

/** JSON gives a range's positions; its offsets count too (a line ending changed in front of it moves them alone). */
function withOffsets(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof OffsetRange ? [original.startOffset, original.endOffset, value] : value;
}

/**
 * The part held before when the new one says the same (typing in a document's body, a linked record that was
 * looked at again unchanged): the clauses it names keep their coverage, and nothing downstream is recomputed.
 */
function unlessSame(before: CoverageContribution | undefined, after: CoverageContribution): CoverageContribution {
  return before !== undefined && contentOf(before) === contentOf(after) ? before : after;
}
