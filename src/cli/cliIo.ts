// Only Node built-ins (and core modules made of them) here: replay.ts prints through this before the checker is loaded.
// A deep import on purpose: a replayed run must not load the checker (see bin/clausemark.js).
import { neutraliseForTerminal } from '../core/text/controlCharacters.js';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Told where the checked repository is and which files it read from elsewhere (for the result cache). */
  checkedRoot?(root: string, inputsOutside: readonly string[]): void;
  /** Told about a report written with --output (for the result cache, which keeps only the content). */
  wroteOutput?(path: string, content: string): void;
}

/**
 * The process's own streams: the one place the CLI (and its replay) writes. Messages on stderr quote the
 * repository (file names, config values), so control characters in them are neutralised whether or not stderr
 * is a terminal (CI logs are rendered too). Standard output carries reports: a terminal gets the same
 * treatment, while a pipe or file gets the report's exact bytes (JSON, SARIF and the others escape their own text).
 */
export function processIo(): CliIo {
  const stdoutIsTTY = process.stdout.isTTY === true;
  const stdout = quietWhenClosed(process.stdout);
  const stderr = quietWhenClosed(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY,
    stderrIsTTY: process.stderr.isTTY === true,
    writeStdout: (text) => stdout(stdoutIsTTY ? neutraliseForTerminal(text) : text),
    writeStderr: (text) => stderr(neutraliseForTerminal(text)),
  };
}

const guarded = new WeakMap<NodeJS.WriteStream, { closed: boolean }>();

/**
 * A writer to `stream` that goes quiet once the reader has gone (`clausemark rules | head -1`): the write
 * error (EPIPE, or a write after the stream was destroyed) is swallowed instead of crashing with a stack
 * trace, and the command finishes with its own exit code. Every command prints through here.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let state = guarded.get(stream);
  if (state === undefined) {
    const created = { closed: false };
    state = created;
    guarded.set(stream, created);
    // Whatever the error, the reader can no longer be written to; the only useful thing left is the exit code.
    stream.on('error', () => void (created.closed = true));
  }
  const current = state;
  return (text) => {
    if (current.closed || stream.destroyed) return;
    stream.write(text);
  };
}

/** Colour when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function wantsColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}
