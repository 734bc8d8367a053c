import { promises as fs } from 'node:fs';
import { createContext, runInContext, runInThisContext } from 'node:vm';
import { DIAGRAM_TIME_LIMIT_MS, diagramSizeProblem, tooComplex } from './diagramLimits.js';
import type { DiagramProblem, DiagramValidator } from './diagramValidator.js';
import { memoizeMermaidGetConfig } from './mermaidConfigMemo.js';

interface MermaidApi {
  parse(text: string): Promise<unknown>;
  readonly mermaidAPI?: { getDiagramFromText?(text: string): Promise<unknown> };
}

interface JisonError {
  readonly message?: unknown;
  readonly hash?: { readonly loc?: { readonly first_line?: number; readonly last_line?: number } };
}

/**
 * Where mermaid's browser build runs:
 * - `sandbox`: a separate `vm` context, so it never touches this thread's globals (used in-thread);
 * - `thread-global`: this thread's own global object. Only for a worker thread, whose global belongs to the
 *   worker alone; mermaid runs there without the `vm` context's global interceptors, about 40% faster.
 */
export type MermaidRealm = 'sandbox' | 'thread-global';

/**
 * Validates ```mermaid blocks with mermaid's own parser, loaded from its browser build (`mermaid.min.js`, the
 * same file the editor's preview and webviews use). It gets a minimal `window` and a stand-in document, so it
 * needs no DOM, and no network API.
 * Loaded on first use only: mermaid is large, and most documents have no diagram.
 *
 * `fast` (the default) takes the two shortcuts described at `syntaxCheck` and `memoizeMermaidGetConfig`;
 * `as-shipped` runs the file untouched through `mermaid.parse`, the reference the fast answers are tested against.
 * In the `sandbox` realm each diagram's parse is stopped after `timeLimitMs` (a worker is bounded by its pool).
 */
export function mermaidValidator(
  scriptPath: string,
  realm: MermaidRealm = 'sandbox',
  mode: 'fast' | 'as-shipped' = 'fast',
  timeLimitMs = DIAGRAM_TIME_LIMIT_MS,
): DiagramValidator {
  let loading: Promise<Parse | undefined> | undefined;
  const load = (): Promise<Parse | undefined> => {
    loading ??= fs.readFile(scriptPath, 'utf8').then(
      (source) => {
        const script = mode === 'as-shipped' ? source : memoizeMermaidGetConfig(source);
        if (realm === 'sandbox') return sandboxParse(script, mode, timeLimitMs);
        const mermaid = runInThreadGlobal(script);
        return mode === 'as-shipped' ? parseOf(mermaid) : syntaxCheck(mermaid);
      },
      () => undefined,
    );
    return loading;
  };
  return async (language, source) => {
    if (language !== 'mermaid') return undefined;
    const tooLarge = diagramSizeProblem(source);
    if (tooLarge) return tooLarge;
    let parse: Parse | undefined;
    try {
      parse = await load();
    } catch {
      return undefined;
    }
    if (!parse) return undefined;
    try {
      await parse(source);
      return undefined;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        // Cut off mid-parse: the next diagram gets a fresh mermaid rather than one in an unknown state.
        loading = undefined;
        return tooComplex(`parsing it took longer than ${timeLimitMs / 1000} s`);
      }
      return toProblem(error as JisonError, source);
    }
  };
}

type Parse = (text: string) => Promise<unknown>;

/**
 * `mermaid.parse` first resets the configuration and applies the diagram's own `%%{init}%%` settings, which
 * costs more than parsing a small diagram; settings decide how a diagram looks, not whether it parses. So
 * after one `mermaid.parse` (which also registers the diagram types), diagrams go straight to
 * `getDiagramFromText`: the same front matter and directive reading, type detection and grammar.
 */
async function syntaxCheck(mermaid: MermaidApi | undefined): Promise<Parse | undefined> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only checked for presence; it is called on its object
  const fromText = mermaid?.mermaidAPI?.getDiagramFromText;
  if (!mermaid || typeof fromText !== 'function') return parseOf(mermaid);
  await mermaid.parse('info').catch(() => undefined);
  return (text) => fromText.call(mermaid.mermaidAPI, text);
}

function parseOf(mermaid: MermaidApi | undefined): Parse | undefined {
  return mermaid ? (text) => mermaid.parse(text) : undefined;
}

/**
 * In this thread (where workers cannot start), mermaid runs in a `vm` context whose promise jobs run within each
 * evaluation (`microtaskMode: 'afterEvaluate'`): one evaluation holds a whole parse, so the evaluation's
 * `timeout` bounds it as the worker pool's time limit bounds a worker. The answer is left in a plain object,
 * since a promise of that context settles only while something runs in it.
 */
function sandboxParse(script: string, mode: 'fast' | 'as-shipped', timeLimitMs: number): Parse | undefined {
  const sandbox: Record<string, unknown> = { setTimeout, clearTimeout, URL, TextEncoder, TextDecoder, structuredClone };
  provideBrowserStandIns(sandbox);
  createContext(sandbox, { microtaskMode: 'afterEvaluate' });
  runInContext(script, sandbox, { filename: 'mermaid.min.js' });
  if (!sandbox.mermaid) return undefined;
  // The fast mode takes syntaxCheck's shortcut: after one `mermaid.parse`, straight to getDiagramFromText.
  runInContext(
    `globalThis.__clausemarkParse = (text, fast) => {
      const answer = {};
      const api = mermaid.mermaidAPI;
      const parsing = fast && api && typeof api.getDiagramFromText === 'function' ? api.getDiagramFromText(text) : mermaid.parse(text);
      parsing.then(() => { answer.done = true; }, (error) => { answer.done = true; answer.error = error; });
      return answer;
    };`,
    sandbox,
  );
  const run = (text: string, fast: boolean): { done?: true; error?: unknown } => {
    sandbox.__clausemarkText = text;
    return runInContext(`__clausemarkParse(__clausemarkText, ${fast})`, sandbox, { timeout: timeLimitMs }) as { done?: true; error?: unknown };
  };
  if (mode === 'fast') run('info', false);
  return async (text) => {
    const answer = run(text, mode === 'fast');
    // Not done: the parse waits on something outside it (a timer), so it cannot be judged here.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- mermaid's own error, passed on as it threw it
    if (answer.done && answer.error !== undefined) throw answer.error;
  };
}

function runInThreadGlobal(source: string): MermaidApi | undefined {
  const global = globalThis as unknown as Record<string, unknown>;
  provideBrowserStandIns(global);
  // Parsing needs no network; a diagram must not be able to reach one through mermaid.
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) delete global[name];
  runInThisContext(source, { filename: 'mermaid.min.js' });
  return global.mermaid as MermaidApi | undefined;
}

function provideBrowserStandIns(global: Record<string, unknown>): void {
  global.console = quietConsole;
  global.window = global;
  global.self = global;
  if (global.globalThis !== global) global.globalThis = global;
  global.addEventListener = () => undefined;
  // Labels pass through DOMPurify while parsing. Given a document-like object without a DOM
  // implementation, DOMPurify reports itself unsupported and returns text unchanged, which is all a
  // syntax check needs (nothing is rendered here).
  global.document = { nodeType: 9, createElement: () => ({}) };
  global.Element = function Element(): void {};
}

// mermaid logs through console; a checker must not write to the user's terminal or output.
const quietConsole = {
  log: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
};

function toProblem(error: JisonError, source: string): DiagramProblem | undefined {
  const loc = error.hash?.loc;
  const text = typeof error.message === 'string' ? error.message : '';
  // Only syntax errors are the diagram's fault; anything else means mermaid could not judge it here.
  if (!loc && !/^(?:Parse error|Lexical error|No diagram type detected)/.test(text)) return undefined;
  const lineCount = source.split('\n').length;
  const line = loc?.last_line !== undefined ? Math.min(Math.max(1, loc.last_line), lineCount) : undefined;
  // mermaid's message repeats the line with a caret under it; the last line says what was expected.
  const lines = text.split('\n').filter((part) => part.trim() !== '' && !/^-*\^$/.test(part.trim()));
  const summary = lines.length > 1 ? `${lines[0]?.replace(/:$/, '')}: ${lines[lines.length - 1]}` : (lines[0] ?? 'the diagram does not parse');
  return { message: summary.length > 300 ? `${summary.slice(0, 297)}…` : summary, ...(line !== undefined ? { line } : {}) };
}
