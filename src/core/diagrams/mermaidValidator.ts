import type { DiagramProblem, DiagramValidator } from './diagramValidator.js';

interface MermaidApi {
  parse(text: string): Promise<unknown>;
}

interface JisonError {
  readonly message?: string;
  readonly hash?: { readonly loc?: { readonly first_line?: number; readonly last_line?: number } };
}

let mermaidLoading: Promise<MermaidApi | undefined> | undefined;

/** Loaded on first use only: mermaid is large, and most documents have no diagram. */
function loadMermaid(): Promise<MermaidApi | undefined> {
  mermaidLoading ??= import('mermaid').then(
    (module) => (module as unknown as { default: MermaidApi }).default,
    () => undefined,
  );
  return mermaidLoading;
}

/**
 * Validates ```mermaid blocks with mermaid's own parser. Only its syntax errors (which carry a position)
 * are problems; anything else it throws outside a browser means "cannot judge here".
 */
export const validateMermaid: DiagramValidator = async (language, source) => {
  if (language !== 'mermaid') return undefined;
  const mermaid = await loadMermaid();
  if (!mermaid) return undefined;
  try {
    await mermaid.parse(source);
    return undefined;
  } catch (error) {
    return toProblem(error as JisonError, source);
  }
};

function toProblem(error: JisonError, source: string): DiagramProblem | undefined {
  const loc = error.hash?.loc;
  const text = typeof error.message === 'string' ? error.message : '';
  if (!loc && !/^(?:Parse error|Lexical error|No diagram type detected)/.test(text)) return undefined;
  const lineCount = source.split('\n').length;
  const line = loc?.last_line !== undefined ? Math.min(Math.max(1, loc.last_line), lineCount) : undefined;
  // mermaid's message repeats the line with a caret under it; the last line says what was expected.
  const lines = text.split('\n').filter((part) => part.trim() !== '' && !/^-*\^$/.test(part.trim()));
  const summary = lines.length > 1 ? `${lines[0]?.replace(/:$/, '')}: ${lines[lines.length - 1]}` : (lines[0] ?? 'the diagram does not parse');
  return { message: summary.length > 300 ? `${summary.slice(0, 297)}…` : summary, ...(line !== undefined ? { line } : {}) };
}
