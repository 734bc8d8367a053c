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
  | { readonly ok: true; readonly value: T; readonly tree: Node; readonly lines: LineIndex }
  | { readonly ok: false; readonly problems: readonly JsonProblem[] };

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
  const target = part === 'key' && node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
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

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
