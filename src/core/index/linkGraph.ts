import type { SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { addTo, removeFrom } from './pathSets.js';

/**
 * What links the documents: who owns each id, who refers to an id under `related`, who links a file as evidence,
 * and which documents take part in the certification cycle. Knows which files a change can affect.
 */
export class LinkGraph {
  private readonly idOwners = new Map<string, Set<string>>();
  private readonly ownersMemo = new Map<string, SmsDocument[]>();
  private idList: readonly string[] | undefined;
  private readonly referrers = new Map<string, Set<string>>();
  private readonly evidenceLinks = new Map<string, Set<string>>();
  /** Audit reports and documents with findings: their cross-document findings depend on every document. */
  private readonly cycleDocuments = new Set<string>();

  constructor(private readonly documentAt: (path: string) => SmsDocument | undefined) {}

  /** Adds what a file's document links (call with the document the index now holds for the path). */
  add(path: string, document: SmsDocument): void {
    if (document.type?.value === 'audit' || document.findings) this.cycleDocuments.add(path);
    if (document.id) {
      addTo(this.idOwners, document.id.value, path);
      this.ownersMemo.delete(document.id.value);
      this.idList = undefined;
    }
    for (const reference of document.related) addTo(this.referrers, reference.value, path);
    for (const target of evidenceTargetsOf(path, document)) addTo(this.evidenceLinks, target, path);
  }

  /** Removes what a file's document linked (call before the index drops or replaces it). */
  remove(path: string, document: SmsDocument | undefined): void {
    this.cycleDocuments.delete(path);
    if (!document) return;
    if (document.id) {
      removeFrom(this.idOwners, document.id.value, path);
      this.ownersMemo.delete(document.id.value);
      this.idList = undefined;
    }
    for (const reference of document.related) removeFrom(this.referrers, reference.value, path);
    for (const target of evidenceTargetsOf(path, document)) removeFrom(this.evidenceLinks, target, path);
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

  /** Documents that link the path as evidence. */
  linkersOf(target: string): ReadonlySet<string> {
    return this.evidenceLinks.get(target) ?? new Set();
  }

  /** Every path some document links as evidence. */
  linkedTargets(): string[] {
    return [...this.evidenceLinks.keys()];
  }

  /**
   * Files whose cross-document findings depend on `path`'s document (as it is now in the index). The cycle
   * documents are among them only when `cycleMayChange`: their cross-document findings read nothing but the cycle.
   */
  affectedBy(path: string, document: SmsDocument | undefined, repositoryFile: string, cycleMayChange: boolean): Set<string> {
    const affected = new Set<string>([path, repositoryFile]);
    const id = document?.id?.value;
    if (id !== undefined) {
      for (const owner of this.idOwners.get(id) ?? []) affected.add(owner);
      for (const referrer of this.referrers.get(id) ?? []) affected.add(referrer);
    }
    for (const linker of this.linkersOf(path)) affected.add(linker);
    if (cycleMayChange) for (const cyclePath of this.cycleDocuments) affected.add(cyclePath);
    return affected;
  }

  /** Documents with a `related` id that matches no document: their suggestions depend on every id there is. */
  unresolvedReferrers(): Set<string> {
    const referrers = new Set<string>();
    for (const [id, paths] of this.referrers) {
      if (!this.idOwners.has(id)) for (const path of paths) referrers.add(path);
    }
    return referrers;
  }
}

/** The repository paths a document links as evidence (those that stay inside the repository as written). */
export function evidenceTargetsOf(path: string, document: SmsDocument): string[] {
  return document.evidence.flatMap((link) => {
    if (!link.path) return [];
    const location = resolveEvidencePath(path, link.path.value);
    return location.kind === 'inside' ? [location.path] : [];
  });
}
