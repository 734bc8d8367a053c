import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';

/** The browsers looked for on the PATH, in this order. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** What to say when no browser is found: how to get one, never an offer to download it. */
export const NO_BROWSER_HINT =
  'no Chrome or Chromium was found on the PATH (looked for chromium, chromium-browser, google-chrome, google-chrome-stable). ' +
  'Install one (Debian/Ubuntu: `apt-get install chromium`; macOS: install Google Chrome and pass ' +
  '`--browser "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"`) or name it with --browser PATH. Clausemark never downloads a browser.';

/** The first of `BROWSER_NAMES` that is an executable file on the PATH. */
export async function findBrowser(pathVariable: string | undefined): Promise<string | undefined> {
  for (const folder of (pathVariable ?? '').split(delimiter).filter((part) => part !== '')) {
    for (const name of BROWSER_NAMES) {
      const candidate = join(folder, name);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

export async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await fs.access(path, constants.X_OK);
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface PdfOptions {
  /** Chromium's header and footer templates (HTML with `pageNumber`, `totalPages` classes). */
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  /** A script evaluated before printing whose value is truthy once the page is ready (diagrams drawn). */
  readonly readyExpression: string;
  /** A script evaluated once ready, before printing (to hand page furniture to the templates). */
  readonly beforePrint?: string;
  readonly timeoutMs?: number;
}

/**
 * Prints a local HTML file to PDF with a headless Chrome/Chromium, driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: no port is opened, nothing else can talk to it), in a fresh profile that is removed
 * afterwards, with the browser's background networking off.
 */
export async function printToPdf(browser: string, htmlFile: string, options: PdfOptions): Promise<Uint8Array> {
  const profile = await fs.mkdtemp(join(tmpdir(), 'clausemark-chromium-'));
  const args = [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-quic',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    // Chromium refuses to start its sandbox as root (containers, CI); only then does it run without one.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`${browser} could not be started: ${error.message}`)));
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `${browser} stopped (${signal ?? `exit code ${code}`}) before the PDF was printed${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`,
        ),
      ),
    );
  });
  exited.catch(() => undefined);
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => void (timer = setTimeout(() => reject(new Error(`${browser} did not print the PDF within ${timeoutMs / 1000} s`)), timeoutMs)),
  );
  try {
    const connection = new PipeConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
    return await Promise.race([print(connection, pathToFileURL(htmlFile).href, options), exited, timeout]);
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
    await fs.rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

async function print(connection: PipeConnection, url: string, options: PdfOptions): Promise<Uint8Array> {
  const { targetId } = (await connection.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await connection.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  await connection.send('Page.enable', {}, sessionId);
  const loaded = connection.waitFor('Page.loadEventFired', sessionId);
  await connection.send('Page.navigate', { url }, sessionId);
  await loaded;
  const evaluate = async (expression: string): Promise<unknown> =>
    ((await connection.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as { result?: { value?: unknown } }).result?.value;
  while (!(await evaluate(options.readyExpression))) await new Promise((resolve) => setTimeout(resolve, 100));
  if (options.beforePrint !== undefined) await evaluate(options.beforePrint);
  const { data } = (await connection.send(
    'Page.printToPDF',
    {
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    },
    sessionId,
  )) as { data: string };
  await connection.send('Browser.close').catch(() => undefined);
  return new Uint8Array(Buffer.from(data, 'base64'));
}

/** The DevTools protocol over Chromium's pipe: JSON messages, each ended by a NUL byte. */
class PipeConnection {
  private nextId = 1;
  private buffered = '';
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners: { method: string; sessionId: string | undefined; resolve: () => void }[] = [];

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    // A message can be split anywhere, even inside a character: decode across chunks.
    const decoder = new StringDecoder('utf8');
    output.on('data', (chunk: Buffer) => this.receive(decoder.write(chunk)));
    input.on('error', () => undefined);
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId !== undefined ? { sessionId } : {}) })}\0`);
    });
  }

  waitFor(method: string, sessionId?: string): Promise<void> {
    return new Promise((resolve) => this.listeners.push({ method, sessionId, resolve }));
  }

  private receive(text: string): void {
    this.buffered += text;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) !== -1) {
      const message = JSON.parse(this.buffered.slice(0, end)) as {
        id?: number;
        method?: string;
        sessionId?: string;
        result?: unknown;
        error?: { message: string };
      };
      this.buffered = this.buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(`the browser refused ${message.error.message}`));
        else waiting?.resolve(message.result);
      } else if (message.method !== undefined) {
        for (const listener of this.listeners.filter((entry) => entry.method === message.method && entry.sessionId === message.sessionId)) {
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          listener.resolve();
        }
      }
    }
  }
}
