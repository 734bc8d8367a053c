import type { CatalogFile, ClauseEntry, DocumentRequirement, RecordRequirement } from './catalogFile.js';
import { nearestIds } from './nearestIds.js';
import type { SuggestionBudget } from './suggestionBudget.js';

/** A clause with its place in the tree resolved. */
export interface Clause extends ClauseEntry {
  /** The entry's title, or '' for an untitled paragraph (shown as its number alone). */
  readonly title: string;
  readonly children: readonly string[];
  readonly isLeaf: boolean;
  /** Position in catalog order, for sorting. */
  readonly order: number;
}

/** The clauses of one standard, with tree navigation and look-ups. Built by `loadCatalog`, which has validated it. */
export class ClauseCatalog {
  readonly id: string;
  readonly title: string;
  readonly version: string | undefined;
  readonly exclusionsAllowed: boolean;
  readonly exclusionsNote: string | undefined;
  /** Where the catalog came from: `builtin:<id>` or the file path. */
  readonly source: string;
  private readonly clauses = new Map<string, Clause>();
  private readonly ordered: Clause[] = [];

  constructor(file: CatalogFile, source: string) {
    this.id = file.id;
    this.title = file.title;
    this.version = file.version;
    this.exclusionsAllowed = file.exclusions?.allowed ?? true;
    this.exclusionsNote = file.exclusions?.note;
    this.source = source;
    const children = new Map<string, string[]>();
    for (const entry of file.clauses) {
      if (entry.parent !== undefined) {
        const siblings = children.get(entry.parent) ?? [];
        siblings.push(entry.id);
        children.set(entry.parent, siblings);
      }
    }
    file.clauses.forEach((entry, order) => {
      const own = children.get(entry.id) ?? [];
      const clause: Clause = { ...entry, title: entry.title ?? '', children: own, isLeaf: own.length === 0, order };
      this.clauses.set(entry.id, clause);
      this.ordered.push(clause);
    });
  }

  get(id: string): Clause | undefined {
    return this.clauses.get(id);
  }

  has(id: string): boolean {
    return this.clauses.has(id);
  }

  /** Every clause in catalog order. */
  all(): readonly Clause[] {
    return this.ordered;
  }

  leaves(): readonly Clause[] {
    return this.ordered.filter((clause) => clause.isLeaf);
  }

  /** The leaf clauses below `id` (itself when it is a leaf). */
  leavesUnder(id: string): Clause[] {
    const clause = this.clauses.get(id);
    if (!clause) return [];
    if (clause.isLeaf) return [clause];
    return clause.children.flatMap((child) => this.leavesUnder(child));
  }

  /** The chain of ancestors, nearest first. */
  ancestors(id: string): Clause[] {
    const chain: Clause[] = [];
    let parentId = this.clauses.get(id)?.parent;
    while (parentId !== undefined) {
      const parent = this.clauses.get(parentId);
      if (!parent || chain.includes(parent)) break;
      chain.push(parent);
      parentId = parent.parent;
    }
    return chain;
  }

  requiredDocuments(id: string): readonly DocumentRequirement[] {
    return (this.clauses.get(id)?.documents ?? []).filter((requirement) => requirement.required !== false);
  }

  requiredRecords(id: string): readonly RecordRequirement[] {
    return (this.clauses.get(id)?.records ?? []).filter((requirement) => requirement.required !== false);
  }

  /**
   * Valid ids closest to a mistyped one, best first, and only ids of the same shape: `A.5.1` (an annex control)
   * is never offered clause `8.5.1`, nor `8.5.1` an annex id. Paid from `budget` when one is given.
   */
  suggest(id: string, limit = 3, budget?: SuggestionBudget): string[] {
    const shape = idShape(id);
    let ids = this.idsByShape.get(shape);
    // One array per shape, so that suggestions (and the budget) remember their answers for the same list.
    if (!ids) this.idsByShape.set(shape, (ids = this.ordered.map((clause) => clause.id).filter((candidate) => idShape(candidate) === shape)));
    return budget ? budget.nearest(id, ids, limit) : nearestIds(id, ids, limit);
  }

  /** Ids per shape, kept so that `nearestIds` can remember its answers for the same list. */
  private readonly idsByShape = new Map<string, string[]>();

  /** `8.6.1 Incident management`; the number alone for an untitled paragraph. */
  label(id: string): string {
    const clause = this.clauses.get(id);
    return clause && clause.title ? `${clause.id} ${clause.title}` : id;
  }
}

/** `letter` for ids that start with a letter (`A.5.1`), `number` for those that start with a digit (`8.5.1`), else `other`. */
function idShape(id: string): 'letter' | 'number' | 'other' {
  const first = id.trim().charAt(0);
  return /\p{L}/u.test(first) ? 'letter' : /\p{N}/u.test(first) ? 'number' : 'other';
}
