import { join } from 'node:path';
import type { CheckResult } from '../check.js';
import { SeverityPolicy } from '../config/severityPolicy.js';
import { compareFindings, type Finding } from '../model/finding.js';
import type { LineRanges } from '../git/gitChanges.js';
import type { WorkspaceFileSystem } from '../workspace/fileSystem.js';
import { decodeText } from '../workspace/decodeText.js';
import { otherCatalogDeltas, type CatalogDelta } from './catalogDeltas.js';
import { coverageDelta, type CoverageDelta } from './coverageDelta.js';
import { cycleChanges, type CycleChanges } from './cycleChanges.js';
import { documentChanges, type DocumentChange, type SideReader } from './documentChanges.js';
import { documentControlFindings, lastCoverageFindings } from './documentControlChanges.js';
import { baselineStates, fixedFindings, type BaselineState } from './findingBaseline.js';
import { findSuspectLinks, suspectLinkFindings, type SuspectLink } from './suspectLinks.js';

/** One side of the comparison. */
export interface ChangeSide {
  readonly result: CheckResult;
  readonly fs: WorkspaceFileSystem;
  /** The revision as the user named it; undefined for the working tree. */
  readonly ref?: string;
  readonly commit?: string;
}

export interface ChangeReviewInput {
  readonly base: ChangeSide;
  readonly head: ChangeSide;
  /** Paths relative to the Clausemark root that differ between the sides. */
  readonly changedPaths: ReadonlySet<string>;
  /** Added or changed lines on the head, per root-relative path. */
  readonly changedLines: ReadonlyMap<string, LineRanges>;
}

/** What a change does to the SMS: new findings, coverage moved, document control, links to re-review. */
export interface ChangeReview {
  readonly base: ChangeSide;
  readonly head: ChangeSide;
  readonly changedPaths: ReadonlySet<string>;
  readonly changedLines: ReadonlyMap<string, LineRanges>;
  readonly documents: readonly DocumentChange[];
  readonly delta: CoverageDelta;
  /** Set when the review shows one catalog only (`--catalog`): the catalog `delta` is of. */
  readonly catalog?: { readonly alias: string; readonly title: string };
  /** With several catalogs: the delta of each catalog after the primary (`delta`), in config order. */
  readonly catalogDeltas: readonly CatalogDelta[];
  readonly suspects: readonly SuspectLink[];
  /** Every head finding plus the change rules' findings, sorted. */
  readonly findings: readonly Finding[];
  /** Whether each of `findings` came with the change; change-rule findings always did. */
  readonly states: ReadonlyMap<Finding, BaselineState>;
  /** The findings the change introduced, sorted. */
  readonly newFindings: readonly Finding[];
  /** The base's findings that the change made go away (located as on the base, under a moved document's new path), sorted. */
  readonly fixedFindings: readonly Finding[];
  /** Audit reports added and nonconformities raised, closed, reopened or removed. */
  readonly cycle: CycleChanges;
}

const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Compares two checks of the same repository. */
export async function reviewChange(input: ChangeReviewInput): Promise<ChangeReview> {
  const { base, head, changedPaths } = input;
  const documents = await documentChanges(base.result.index, head.result.index, changedPaths, { base: readerFor(base), head: readerFor(head) });
  const delta = coverageDelta(base.result.coverage, head.result.coverage, documents);
  const catalogDeltas = otherCatalogDeltas(base.result.catalogs, head.result.catalogs, documents);
  const suspects = findSuspectLinks(head.result.index, documents, changedPaths);
  const headIndex = head.result.index;
  const policy = new SeverityPolicy(head.result.project.config.rules);
  const changeFindings = [
    ...documentControlFindings(documents),
    ...lastCoverageFindings(base.result.coverage, head.result.coverage, documents, { file: headIndex.repositoryFile, range: headIndex.repositoryAnchor() }),
    ...suspectLinkFindings(suspects),
  ]
    .filter((finding) => head.result.inScope(finding.file))
    .flatMap((finding) => policy.apply(finding) ?? []);

  // A moved document keeps its findings: compare them under its new path.
  const moves = new Map(documents.flatMap((change) => (change.kind === 'moved' && change.base ? [[change.base.path, change.path] as const] : [])));
  const baseFindings = base.result.findings.map((finding) => (moves.has(finding.file) ? { ...finding, file: moves.get(finding.file)! } : finding));
  const states = baselineStates(baseFindings, head.result.findings);
  for (const finding of changeFindings) states.set(finding, 'new');
  const findings = [...head.result.findings, ...changeFindings].sort(compareFindings);
  return {
    base,
    head,
    changedPaths,
    changedLines: input.changedLines,
    documents,
    delta,
    catalogDeltas,
    suspects,
    findings,
    states,
    newFindings: findings.filter((finding) => states.get(finding) === 'new'),
    fixedFindings: fixedFindings(baseFindings, head.result.findings),
    cycle: cycleChanges(base.result.index.cycle(), headIndex.cycle(), headIndex),
  };
}

function readerFor(side: ChangeSide): SideReader {
  return async (path) => {
    try {
      const file = join(side.result.project.root, path);
      // Sized first: a blob of the base revision is read whole, and may be any size.
      const stat = await side.fs.stat(file);
      if (stat?.kind !== 'file' || stat.size > MAX_DOCUMENT_BYTES) return undefined;
      const decoded = decodeText(await side.fs.readFile(file), MAX_DOCUMENT_BYTES);
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  };
}
