import { parseArgs } from 'node:util';
import { ruleDocsUrl, RULES } from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { oneOf } from './checkCommand.js';

export const RULES_USAGE = `Usage: clausemark rules [--format text|json]

Lists every rule with its id, default severity and what it checks.
`;

export async function rulesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.writeStdout(RULES_USAGE);
    return 0;
  }
  const format = oneOf('--format', values.format, ['text', 'json'] as const);
  if (format === 'json') {
    io.writeStdout(
      `${JSON.stringify(
        RULES.map(({ id, defaultSeverity, scope, description }) => ({ id, defaultSeverity, scope, description, docsUrl: ruleDocsUrl(id) })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  for (const rule of RULES) io.writeStdout(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}\n`);
  return 0;
}
