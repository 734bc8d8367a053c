import { nearestIds } from './nearestIds.js';

/**
 * Comparisons one file's "did you mean" suggestions may cost: an unknown id is compared with every candidate
 * (1–14 µs each), so a file listing 20,000 unknown ids against 1,000 documents took minutes. 50,000 gives
 * every real mistake its suggestions (fifty unknown ids among 1,000 documents) and bounds a file at well under a second.
 */
export const FILE_SUGGESTION_COMPARISONS = 50_000;

/** Comparisons a whole check's suggestions may cost, so a thousand such files stay bounded too. */
export const RUN_SUGGESTION_COMPARISONS = 500_000;

/**
 * A budget of id comparisons for suggestions. Past it, findings are still reported, without "did you mean".
 * Each typed value is paid for once per budget (a renamed id is often referred to many times), and the cost
 * is counted the same whether or not an answer was remembered, so what is suggested depends only on the
 * files and the order they are checked in, never on what an earlier run computed.
 */
export class SuggestionBudget {
  private left: number;
  private readonly paid = new Map<readonly string[], Set<string>>();

  constructor(
    comparisons: number,
    private readonly run?: SuggestionBudget,
  ) {
    this.left = comparisons;
  }

  /** A budget for a whole check, with `forFile()` budgets drawn from it. */
  static forRun(): SuggestionBudget {
    return new SuggestionBudget(RUN_SUGGESTION_COMPARISONS);
  }

  /** A budget for one file; it also draws on this run's budget. */
  forFile(): SuggestionBudget {
    return new SuggestionBudget(FILE_SUGGESTION_COMPARISONS, this);
  }

  /**
   * The candidates nearest to `typed` by `find` (spelling, by default), best first; none once the budget cannot
   * pay for comparing with every candidate.
   */
  nearest(
    typed: string,
    candidates: readonly string[],
    limit: number,
    find: (typed: string, candidates: readonly string[], limit: number) => string[] = nearestIds,
  ): string[] {
    if (!this.pay(typed, candidates)) return [];
    return find(typed, candidates, limit);
  }

  private pay(typed: string, candidates: readonly string[]): boolean {
    let paid = this.paid.get(candidates);
    if (paid?.has(typed)) return true;
    const cost = candidates.length;
    if (!this.canAfford(cost)) return false;
    this.spend(cost);
    if (!paid) this.paid.set(candidates, (paid = new Set()));
    paid.add(typed);
    return true;
  }

  private canAfford(cost: number): boolean {
    return cost <= this.left && (!this.run || this.run.canAfford(cost));
  }

  private spend(cost: number): void {
    this.left -= cost;
    this.run?.spend(cost);
  }
}
