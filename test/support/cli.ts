import type { CliIo } from '../../src/cli/cliIo.js';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in this process with captured output (and the given environment). */
export async function clausemarkInProcess(
  args: string[],
  cwd = process.cwd(),
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: { NO_COLOR: '1', ...env },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    writeStdout: (t) => void (stdout += t),
    writeStderr: (t) => void (stderr += t),
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}
