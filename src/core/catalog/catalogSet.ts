import type { Clause, ClauseCatalog } from './clauseCatalog.js';
import type { SuggestionBudget } from './suggestionBudget.js';

/** One catalog of the project under the alias the config gives it (`"27001"`). */
export interface NamedCatalog {
  readonly alias: string;
  readonly catalog: ClauseCatalog;
}

/** How a clause id as written (`8.6.1`, `27001:A.5.24`) resolves against the project's catalogs. */
export type ClauseReference =
  | { readonly kind: 'known'; readonly alias: string; readonly catalog: ClauseCatalog; readonly clause: Clause; readonly key: string }
  | { readonly kind: 'unknown-alias'; readonly alias: string; readonly id: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'unknown-id'; readonly alias: string; readonly catalog: ClauseCatalog; readonly id: string; readonly suggestions: readonly string[] };

/**
 * The project's catalogs in config order; the first is the primary one, whose ids are written bare. Clause ids
 * never contain `:` (the catalog schema forbids it), so `alias:id` is unambiguous: the alias is everything before
 * the last colon.
 */
export class CatalogSet {
  readonly entries: readonly NamedCatalog[];
  private readonly byAlias: ReadonlyMap<string, ClauseCatalog>;

  constructor(entries: readonly NamedCatalog[]) {
    if (entries.length === 0) throw new Error('a catalog set needs at least one catalog');
    this.entries = entries;
    this.byAlias = new Map(entries.map((entry) => [entry.alias, entry.catalog]));
  }

  /** The set of a project with the single `catalog` setting: the catalog under its own id. */
  static single(catalog: ClauseCatalog): CatalogSet {
    return new CatalogSet([{ alias: catalog.id, catalog }]);
  }

  get primary(): NamedCatalog {
    return this.entries[0] as NamedCatalog;
  }

  get isSingle(): boolean {
    return this.entries.length === 1;
  }

  get(alias: string): ClauseCatalog | undefined {
    return this.byAlias.get(alias);
  }

  aliases(): string[] {
    return this.entries.map((entry) => entry.alias);
  }

  /** Splits `27001:A.5.24` into alias and id; a bare id belongs to `alias` when given, else to the primary catalog. */
  split(written: string, alias?: string): { readonly alias: string; readonly id: string; readonly qualified: boolean } {
    const colon = written.lastIndexOf(':');
    if (colon > 0) return { alias: written.slice(0, colon).trim(), id: written.slice(colon + 1).trim(), qualified: true };
    return { alias: alias ?? this.primary.alias, id: written, qualified: false };
  }

  /**
   * The key a claim is counted under: the bare id for the primary catalog (so single-catalog projects keep their
   * keys), `alias:id` for the others. Unknown aliases keep their qualified form and so count for no catalog.
   */
  key(written: string, alias?: string): string {
    const parts = this.split(written, alias);
    return parts.alias === this.primary.alias ? parts.id : `${parts.alias}:${parts.id}`;
  }

  /** Resolves an id as written; suggestions come from the catalog it names only, written the way the id was. */
  resolve(written: string, alias?: string, budget?: SuggestionBudget): ClauseReference {
    const parts = this.split(written, alias);
    const catalog = this.byAlias.get(parts.alias);
    if (!catalog) return { kind: 'unknown-alias', alias: parts.alias, id: parts.id, suggestions: this.suggestAlias(parts.alias) };
    const clause = catalog.get(parts.id);
    if (!clause) {
      const ids = catalog.suggest(parts.id, 3, budget);
      return { kind: 'unknown-id', alias: parts.alias, catalog, id: parts.id, suggestions: parts.qualified ? ids.map((id) => `${parts.alias}:${id}`) : ids };
    }
    return { kind: 'known', alias: parts.alias, catalog, clause, key: this.key(written, alias) };
  }

  /** The aliases closest to a mistyped one (case-insensitive match first). */
  suggestAlias(alias: string): string[] {
    const aliases = this.aliases();
    const folded = aliases.filter((known) => known.toLowerCase() === alias.toLowerCase());
    if (folded.length > 0) return folded;
    return aliases
      .filter((known) => known.startsWith(alias) || alias.startsWith(known))
      .concat(aliases)
      .filter((known, index, all) => all.indexOf(known) === index)
      .slice(0, 3);
  }

  /** The contribution keys of catalog `alias` mapped back to its own ids; keys of other catalogs dropped. */
  idOfKey(key: string, alias: string): string | undefined {
    const parts = this.split(key);
    const owner = parts.qualified ? parts.alias : this.primary.alias;
    return owner === alias ? parts.id : undefined;
  }
}
