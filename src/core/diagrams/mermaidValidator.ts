import { promises as fs } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import type { DiagramProblem, DiagramValidator } from './diagramValidator.js';

interface MermaidApi {
  parse(text: string): Promise<unknown>;
}

interface JisonError {
  readonly message?: unknown;
  readonly hash?: { readonly loc?: { readonly first_line?: number; readonly last_line?: number } };
}

/**
 * Validates ```mermaid blocks with mermaid's own parser, loaded from its browser build (`mermaid.min.js`, the
 * same file the editor's preview and webviews use). It runs in a separate `vm` context with a minimal
 * `window` and a stand-in document, so it neither needs a DOM nor touches the host's globals, and it has no
 * network API at all.
 * Loaded on first use only: mermaid is large, and most documents have no diagram.
 */
export function mermaidValidator(scriptPath: string): DiagramValidator {
  let loading: Promise<MermaidApi | undefined> | undefined;
  const load = (): Promise<MermaidApi | undefined> => {
    loading ??= fs.readFile(scriptPath, 'utf8').then(
      (source) => {
        const sandbox: Record<string, unknown> = { console: quietConsole, setTimeout, clearTimeout, queueMicrotask, URL, TextEncoder, TextDecoder, structuredClone };
        sandbox.window = sandbox;
        sandbox.self = sandbox;
        sandbox.globalThis = sandbox;
        sandbox.addEventListener = () => undefined;
        // Labels pass through DOMPurify while parsing. Given a document-like object without a DOM
        // implementation, DOMPurify reports itself unsupported and returns text unchanged, which is all a
        // syntax check needs (nothing is rendered here).
        sandbox.document = { nodeType: 9, createElement: () => ({}) };
        sandbox.Element = function Element(): void {};
        createContext(sandbox);
        runInContext(source, sandbox, { filename: 'mermaid.min.js' });
        return sandbox.mermaid as MermaidApi | undefined;
      },
      () => undefined,
    );
    return loading;
  };
  return async (language, source) => {
    if (language !== 'mermaid') return undefined;
    let mermaid: MermaidApi | undefined;
    try {
      mermaid = await load();
    } catch {
      return undefined;
    }
    if (!mermaid) return undefined;
    try {
      await mermaid.parse(source);
      return undefined;
    } catch (error) {
      return toProblem(error as JisonError, source);
    }
  };
}

// mermaid logs through console; a checker must not write to the user's terminal or output.
const quietConsole = { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined };

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
