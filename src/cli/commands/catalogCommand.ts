import { promises as fs } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeText, findGitRoot, importCatalog, MAX_IMPORT_BYTES, nodeFileSystem, parseCatalog, type ImportFormat } from '../../core/index.js';
import type { CliIo } from '../cliIo.js';
import { UsageError } from '../usageError.js';
import { writeOutput } from '../writeOutput.js';
import { oneOf } from './checkCommand.js';

export const CATALOG_USAGE = `Usage: clausemark catalog import FILE [--output FILE] [--id ID] [--title TITLE] [options]

Turns a control list written as CSV or YAML into a Clausemark catalog (JSON), so a team with its own
control set needs no hand-written JSON. Name the result in clausemark.json (\`"catalog": "./x.catalog.json"\`).

  CSV   a first line naming the columns id, title, parent (optional) and description (optional);
        one clause per row; a clause without parent is at the top
  YAML  a list of mappings with id, title, parent and description, at the top of the file or under
        \`clauses:\` beside the catalog's own \`id:\` and \`title:\`

Every bad row is reported as FILE:LINE with what is wrong (no id, no title, an id used twice, a parent
that is not in the file, parents that go round in a circle), and nothing is written.

Options:
  --output FILE        write the catalog here instead of to standard output
  --force              replace FILE if it exists (it is never replaced otherwise)
  --id ID              the catalog's id (default: the YAML's \`id:\`, else the file's name)
  --title TITLE        the catalog's title (default: the YAML's \`title:\`, else the file's name)
  --format csv|yaml    how FILE is written (default: from its extension)
  -h, --help           show this help
`;

export async function catalogCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      id: { type: 'string' },
      title: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.writeStdout(CATALOG_USAGE);
    return 0;
  }
  const [action, file, ...extra] = positionals;
  if (action !== 'import')
    throw new UsageError(action === undefined ? 'say what to do: `catalog import FILE`' : `unknown action \`${action}\`; the one action is \`import\``);
  if (file === undefined) throw new UsageError('name the CSV or YAML file to import: `catalog import FILE`');
  if (extra.length > 0) throw new UsageError('catalog import takes one file');
  const source = resolve(io.cwd, file);
  const format = values.format !== undefined ? oneOf('--format', values.format, ['csv', 'yaml'] as const) : formatOf(source);
  if (values.id !== undefined && (values.id.trim() === '' || values.id.length > 100)) throw new UsageError('--id must be 1 to 100 characters');
  if (values.title !== undefined && (values.title.trim() === '' || values.title.length > 300)) throw new UsageError('--title must be 1 to 300 characters');

  const text = await readSource(source, file);
  if (typeof text !== 'string') {
    io.writeStderr(`clausemark: ${file}: ${text.error}\n`);
    return 2;
  }
  const name = basename(source, extname(source)).replace(/\.catalog$/, '');
  const imported = importCatalog(text, format, {
    fallbackName: name,
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
  });
  if (!imported.ok) {
    for (const problem of imported.problems) io.writeStderr(`${file}:${problem.line}: ${problem.message}\n`);
    io.writeStderr(
      `clausemark: ${file} was not imported (${imported.problems.length} problem${imported.problems.length === 1 ? '' : 's'}); nothing was written\n`,
    );
    return 2;
  }
  const json = `${JSON.stringify(imported.catalog, null, 2)}\n`;
  // The result is checked as the config will read it, so what import writes always loads.
  const check = parseCatalog(json, source);
  if (!check.ok) {
    io.writeStderr(`clausemark: the imported catalog would not load: ${check.problems.map((problem) => problem.message).join('; ')}\n`);
    return 2;
  }
  const root =
    values.output === undefined
      ? io.cwd
      : ((await findGitRoot(dirname(resolve(io.cwd, values.output)), nodeFileSystem)) ?? dirname(resolve(io.cwd, values.output)));
  await writeOutput(io, values.output, json, values.force, root);
  if (values.output !== undefined)
    io.writeStderr(`Wrote ${values.output}: ${imported.catalog.clauses.length} clauses of ${imported.catalog.title} (id ${imported.catalog.id})\n`);
  return 0;
}

function formatOf(path: string): ImportFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  throw new UsageError(`cannot tell how ${basename(path)} is written from its extension; give --format csv or --format yaml`);
}

async function readSource(path: string, shownAs: string): Promise<string | { error: string }> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { error: 'it is not a file' };
    if (stat.size > MAX_IMPORT_BYTES) return { error: `it is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB a control list needs` };
    const decoded = decodeText(await fs.readFile(path), MAX_IMPORT_BYTES);
    return decoded.ok ? decoded.text : { error: decoded.reason.replace(/, not Markdown$/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `there is no file ${shownAs}` : `it cannot be read (${code ?? String(error)})` };
  }
}
