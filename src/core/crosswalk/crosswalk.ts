import crosswalkSchema from '../../../schemas/crosswalk.schema.json' with { type: 'json' };
import builtinCrosswalk from '../../../schemas/crosswalk-iso20000-1-2018.json' with { type: 'json' };
import { compileSchema, parseJsonDocument, type JsonProblem } from '../text/jsonDocument.js';

/** The JSON shape of a crosswalk file (see schemas/crosswalk.schema.json). */
export interface CrosswalkFile {
  readonly from: string;
  readonly note?: string;
  readonly mappings: readonly CrosswalkMapping[];
}

export interface CrosswalkMapping {
  /** A clause of the `from` catalog. */
  readonly clause: string;
  /** The target catalog's id. */
  readonly catalog: string;
  readonly target: string;
  /** Only `equivalent` counts; `partial` is shown. */
  readonly relation: 'equivalent' | 'partial';
}

/** Counterparts of the clauses of one catalog in others, by catalog id (never by alias: aliases are the project's). */
export class Crosswalk {
  readonly from: string;
  /** Where it came from: `builtin` or the file path. */
  readonly source: string;
  private readonly byClause = new Map<string, CrosswalkMapping[]>();

  constructor(file: CrosswalkFile, source: string) {
    this.from = file.from;
    this.source = source;
    for (const mapping of file.mappings) this.byClause.set(mapping.clause, [...(this.byClause.get(mapping.clause) ?? []), mapping]);
  }

  /** Every counterpart of a `from` clause, in file order. */
  counterparts(clause: string): readonly CrosswalkMapping[] {
    return this.byClause.get(clause) ?? [];
  }

  /** The clauses of catalog `catalogId` a claim of `clause` counts for: its `equivalent` targets only. */
  equivalents(clause: string, catalogId: string): string[] {
    return this.counterparts(clause)
      .filter((mapping) => mapping.catalog === catalogId && mapping.relation === 'equivalent')
      .map((mapping) => mapping.target);
  }

  /** The `from` clauses whose claims count for `target` of catalog `catalogId` (the reverse look-up, for hover). */
  sourcesOf(target: string, catalogId: string): readonly CrosswalkMapping[] {
    return [...this.byClause.values()].flat().filter((mapping) => mapping.catalog === catalogId && mapping.target === target);
  }
}

/** The crosswalk shipped with Clausemark: ISO/IEC 20000-1:2018 to ISO/IEC 27001:2022 and ISO 9001:2015. */
export function builtinCrosswalkOf(): Crosswalk {
  return new Crosswalk(builtinCrosswalk as CrosswalkFile, 'builtin');
}

const validateCrosswalk = compileSchema(crosswalkSchema);

/** Reads a user's crosswalk file; problems at their JSON position. */
export function parseCrosswalk(text: string, source: string): { ok: true; crosswalk: Crosswalk } | { ok: false; problems: readonly JsonProblem[] } {
  const parsed = parseJsonDocument<CrosswalkFile>(text, validateCrosswalk);
  if (!parsed.ok) return parsed;
  return { ok: true, crosswalk: new Crosswalk(parsed.value, source) };
}
