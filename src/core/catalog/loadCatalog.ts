import catalogSchema from '../../../schemas/clause-catalog.schema.json' with { type: 'json' };
import { compileSchema, parseJsonDocument, rangeOfPath, type JsonProblem } from '../text/jsonDocument.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { Node } from 'jsonc-parser';
import { BUILTIN_CATALOGS } from './builtinCatalogs.js';
import type { CatalogFile } from './catalogFile.js';
import { ClauseCatalog } from './clauseCatalog.js';

export type CatalogResult = { readonly ok: true; readonly catalog: ClauseCatalog } | { readonly ok: false; readonly problems: readonly JsonProblem[] };

const validateCatalog = compileSchema(catalogSchema);

export function builtinCatalog(id: string): ClauseCatalog | undefined {
  const file = BUILTIN_CATALOGS.get(id);
  return file ? new ClauseCatalog(file, `builtin:${id}`) : undefined;
}

/** Reads a custom catalog's text: schema first, then the tree (unique ids, known parents, no cycles). */
export function parseCatalog(text: string, source: string): CatalogResult {
  const parsed = parseJsonDocument<CatalogFile>(text, validateCatalog);
  if (!parsed.ok) return parsed;
  const problems = treeProblems(parsed.value, parsed.tree, parsed.lines);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: new ClauseCatalog(parsed.value, source) };
}

function treeProblems(file: CatalogFile, tree: Node, lines: LineIndex): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const firstIndex = new Map<string, number>();
  file.clauses.forEach((clause, index) => {
    const first = firstIndex.get(clause.id);
    if (first !== undefined) {
      problems.push({
        message: `clause id \`${clause.id}\` appears twice (clauses[${first}] and clauses[${index}])`,
        range: rangeOfPath(tree, lines, ['clauses', index, 'id']),
      });
    } else {
      firstIndex.set(clause.id, index);
    }
  });
  const parentOf = new Map(file.clauses.map((clause) => [clause.id, clause.parent]));
  file.clauses.forEach((clause, index) => {
    if (clause.parent === undefined) return;
    if (!parentOf.has(clause.parent)) {
      problems.push({
        message: `clause \`${clause.id}\` names parent \`${clause.parent}\`, which is not in the catalog`,
        range: rangeOfPath(tree, lines, ['clauses', index, 'parent']),
      });
      return;
    }
    // Walk up at most as many steps as there are clauses: further means a cycle.
    let current: string | undefined = clause.parent;
    for (let steps = 0; current !== undefined; steps++) {
      if (current === clause.id || steps > file.clauses.length) {
        problems.push({
          message: `clause \`${clause.id}\` is its own ancestor (the parent links form a cycle)`,
          range: rangeOfPath(tree, lines, ['clauses', index, 'parent']),
        });
        break;
      }
      current = parentOf.get(current);
    }
  });
  const parents = new Set(file.clauses.map((clause) => clause.parent));
  file.clauses.forEach((clause, index) => {
    if (parents.has(clause.id) && ((clause.documents?.length ?? 0) > 0 || (clause.records?.length ?? 0) > 0)) {
      problems.push({
        message: `clause \`${clause.id}\` has sub-clauses, so its documented information belongs on its leaf clauses`,
        range: rangeOfPath(tree, lines, ['clauses', index, clause.documents ? 'documents' : 'records'], 'key'),
      });
    }
  });
  return problems;
}
