import { catalogCommand, CATALOG_USAGE } from './commands/catalogCommand.js';
import { checkCommand, CHECK_USAGE } from './commands/checkCommand.js';
import { coverageCommand, COVERAGE_USAGE } from './commands/coverageCommand.js';
import { diffCommand, DIFF_USAGE } from './commands/diffCommand.js';
import { exportCommand, EXPORT_USAGE } from './commands/exportCommand.js';
import { bookCommand, BOOK_USAGE } from './commands/bookCommand.js';
import { reportCommand, REPORT_USAGE } from './commands/reportCommand.js';
import { initCommand, INIT_USAGE } from './commands/initCommand.js';
import { rulesCommand, RULES_USAGE } from './commands/rulesCommand.js';
import { readinessCommand, READINESS_USAGE } from './commands/readinessCommand.js';
import { processIo, type CliIo } from './cliIo.js';
import { TOOL_VERSION } from './toolVersion.js';
import { localCacheKey } from './cacheKey.js';
import { replayableRun, replayKey } from './replay.js';
import { recordRun } from './resultCache.js';
import { UsageError } from './usageError.js';

const USAGE = `Clausemark ${TOOL_VERSION}: checks ISO/IEC 20000-1 SMS documentation kept as Markdown in git.

Usage: clausemark <command> [options]

Commands:
  check [paths…]      findings and coverage (see \`clausemark check --help\`);
                      with --base REF, what a change does against that revision
  diff <base> [head]  the change review as a PR comment (Markdown)
  coverage [path]     the clause × document × evidence matrix
  report [path]       the audit pack: coverage statement, registers, diagrams (HTML or Markdown)
  export [path]       the registers as one workbook (--format xlsx --output FILE)
  book [paths…]       the SMS documents as one printable HTML book (--pdf: and a PDF)
  readiness [path]    what blocks the next audit (--for next|stage1|…|YYYY-MM-DD); exit 1 when something does
  init [folder]       write a starter clausemark.json (never overwrites)
  catalog import FILE turn a control list (CSV or YAML: id, title, parent) into a catalog
  rules               list the rules with their ids and default severities

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, config or catalog error.
`;

/** Each command and its help: `clausemark help COMMAND` and `clausemark COMMAND --help` print the same text. */
const COMMANDS: Record<string, { readonly run: (args: string[], io: CliIo) => Promise<number>; readonly usage: string }> = {
  check: { run: checkCommand, usage: CHECK_USAGE },
  coverage: { run: coverageCommand, usage: COVERAGE_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  book: { run: bookCommand, usage: BOOK_USAGE },
  readiness: { run: readinessCommand, usage: READINESS_USAGE },
  init: { run: initCommand, usage: INIT_USAGE },
  rules: { run: rulesCommand, usage: RULES_USAGE },
  catalog: { run: catalogCommand, usage: CATALOG_USAGE },
};

/** Runs one command line and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = rest[0] === undefined ? undefined : COMMANDS[rest[0]]?.usage;
    io.writeStdout(command === undefined ? USAGE : (topic ?? USAGE));
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.writeStdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command]?.run;
  if (!run) {
    io.writeStderr(`clausemark: unknown command \`${command}\`\n\n${USAGE}`);
    return 2;
  }
  try {
    return await runRecorded(argv, io, (recordingIo) => run(rest, recordingIo));
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.writeStderr(`clausemark ${command}: ${(error as Error).message}\nRun \`clausemark ${command} --help\` for the options.\n`);
      return 2;
    }
    // A bug of ours: say so plainly, with enough to report it, but no stack unless asked.
    io.writeStderr(`clausemark: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.CLAUSEMARK_DEBUG) io.writeStderr(`${error instanceof Error ? error.stack : ''}\n`);
    return 2;
  }
}

/**
 * Runs a check and, when the command can be replayed, records what it printed so that the next identical
 * command over an unchanged repository is answered without checking again (see replay.ts).
 */
async function runRecorded(argv: readonly string[], io: CliIo, run: (io: CliIo) => Promise<number>): Promise<number> {
  const replayable = replayableRun(argv, io.cwd);
  const signingKey = replayable && !io.env.CLAUSEMARK_NO_REPLAY ? localCacheKey(io.env) : undefined;
  if (!replayable || !signingKey) return run(io);
  const startedMs = Date.now();
  let stdout = '';
  let stderr = '';
  let root: string | undefined;
  let outputContent: string | undefined;
  const recording: CliIo = {
    ...io,
    writeStdout: (text) => {
      stdout += text;
      io.writeStdout(text);
    },
    writeStderr: (text) => {
      if (!text.startsWith('\r')) stderr += text; // progress redraws are not part of the answer
      io.writeStderr(text);
    },
    // A result that read files outside the repository's tree cannot be vouched for by its fingerprint.
    checkedRoot: (checked, inputsOutside) => void (root = inputsOutside.length === 0 ? checked : undefined),
    // Only the content is kept: a replay writes where its own command line says.
    wroteOutput: (_path, content) => void (outputContent = content),
  };
  const exitCode = await run(recording);
  if (root !== undefined && (exitCode === 0 || exitCode === 1)) {
    recordRun(
      root,
      replayKey(argv, io.cwd, io.env, io.stdoutIsTTY, replayable.day),
      startedMs,
      { stdout, stderr, exitCode, ...(outputContent !== undefined ? { outputContent } : {}) },
      signingKey,
    );
  }
  return exitCode;
}

function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')
  );
}
