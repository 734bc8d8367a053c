import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from './lineIndex.js';
import type { SourceRange } from './sourceRange.js';

/** A problem in a JSON file (config or catalog), with the place it was found. */
export interface JsonProblem {
  readonly message: string;
  readonly range?: SourceRange;
}

export type JsonParseResult<T> =
  { readonly ok: true; readonly value: T; readonly tree: Node; readonly lines: LineIndex } | { readonly ok: false; readonly problems: readonly JsonProblem[] };

let ajv: Ajv | undefined;

/**
 * A validator for a JSON Schema, compiled on first use and then reused for every file. Compiling is the
 * slow part, and loading the extension or the CLI must not pay for it before any config is read.
 */
export function compileSchema(schema: object): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    compiled ??= ajv.compile(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}

/**
 * Parses JSON (comments and trailing commas tolerated, as in VS Code settings) and validates it,
 * reporting every problem at the node it concerns rather than at the top of the file.
 */
export function parseJsonDocument<T>(text: string, validate: ValidateFunction): JsonParseResult<T> {
  const lines = new LineIndex(text);
  // The parser, the value builder and the schema check all recurse per level: 3,000 levels overflow the stack.
  const tooDeepAt = excessiveJsonNesting(text);
  if (tooDeepAt !== undefined) {
    return {
      ok: false,
      problems: [
        { message: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels, which no config or catalog needs`, range: lines.range(tooDeepAt, tooDeepAt + 1) },
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || tree === undefined) {
    const problems = errors.map((error) => ({
      message: `invalid JSON: ${describeParseError(printParseErrorCode(error.error))}`,
      range: lines.range(error.offset, error.offset + Math.max(1, error.length)),
    }));
    return { ok: false, problems: problems.length > 0 ? problems : [{ message: 'the file is empty' }] };
  }
  const value: unknown = nodeToValue(tree);
  if (!validate(value)) {
    return { ok: false, problems: (validate.errors ?? []).map((error) => schemaProblem(error, tree, lines)) };
  }
  return { ok: true, value: value as T, tree, lines };
}

/** The range of the value at a JSON path (e.g. `['rules', 'clause.unknown']`), or of its key when asked. */
export function rangeOfPath(tree: Node, lines: LineIndex, path: (string | number)[], part: 'value' | 'key' = 'value'): SourceRange | undefined {
  const node = findNodeAtLocation(tree, path);
  if (!node) return undefined;
  const target = part === 'key' && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
  return lines.range(target.offset, target.offset + target.length);
}

function schemaProblem(error: ErrorObject, tree: Node, lines: LineIndex): JsonProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const where = error.instancePath === '' ? 'the top level' : `\`${error.instancePath.slice(1).replace(/\//g, '.')}\``;
  let message = `${where} ${error.message ?? 'is invalid'}`;
  if (error.keyword === 'additionalProperties' && 'additionalProperty' in error.params) {
    const property = String(error.params.additionalProperty);
    message = `${where} has an unknown property \`${property}\``;
    path.push(property);
    return { message, range: rangeOfPath(tree, lines, path, 'key') };
  }
  if (error.keyword === 'enum' && 'allowedValues' in error.params && Array.isArray(error.params.allowedValues)) {
    message = `${where} must be one of: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { message, range: rangeOfPath(tree, lines, path) };
}

// Built from the tree so that values and reported ranges come from one parse.
function nodeToValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) result[String(key.value)] = nodeToValue(value);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(nodeToValue);
    default:
      return node.value;
  }
}

/** A catalog is clauses in a list with their requirements in lists: four levels. 64 leaves room for any real file. */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first `[` or `{` more than MAX_JSON_DEPTH deep (outside strings and comments), if any. */
export function excessiveJsonNesting(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22) {
      // A string: skip to its closing quote, past escaped characters.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (char === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (char === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (char === 0x5d || char === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
