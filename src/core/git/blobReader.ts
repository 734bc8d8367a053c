import { runGit, type GitOutput } from './runGit.js';

/** How git is run: `runGit`, or a stand-in (tests count the processes through one). */
export type GitRunner = (cwd: string, args: readonly string[], input?: string) => Promise<GitOutput>;

/** At most this much blob content is asked of one git process (sizes come from the tree listing). */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** Splits `git cat-file --batch` output (`<object> <type> <size>\n<content>\n` per object) into contents by object id. */
export function parseBatch(output: Buffer): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  let offset = 0;
  while (offset < output.length) {
    const lineEnd = output.indexOf(10, offset);
    if (lineEnd < 0) break;
    const [objectId = '', type = '', size = ''] = output.subarray(offset, lineEnd).toString('utf8').split(' ');
    offset = lineEnd + 1;
    if (type === 'missing' || size === '') continue;
    const length = Number.parseInt(size, 10);
    blobs.set(objectId, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return blobs;
}

interface Request {
  readonly objectId: string;
  readonly size: number;
  resolve(blob: Uint8Array | { readonly error: string }): void;
}

/**
 * Reads blobs with `git cat-file --batch`, one git process at a time however many reads are asked for at once:
 * reads asked for together share a process, and reads asked for while it runs wait for the next one. A base
 * commit with 10,000 symbolic links costs a few processes instead of 10,000 at once (6,658 were seen), and the
 * content held at any time stays near one batch's worth.
 */
export class BlobReader {
  private readonly queue: Request[] = [];
  private draining = false;

  constructor(
    private readonly gitRoot: string,
    private readonly run: GitRunner = runGit,
  ) {}

  /** The blob's content, or why git could not give it. `size` is the size the tree listed, for batching. */
  read(objectId: string, size: number): Promise<Uint8Array | { readonly error: string }> {
    return new Promise((resolve) => {
      this.queue.push({ objectId, size, resolve });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // Let the reads asked for in the same turn (a whole listing's worth) join the first batch.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        const objectIds = [...new Set(batch.map((request) => request.objectId))];
        const output = await this.run(this.gitRoot, ['cat-file', '--batch'], `${objectIds.join('\n')}\n`);
        const blobs = output.ok ? parseBatch(output.stdout) : undefined;
        for (const request of batch) {
          const blob = blobs?.get(request.objectId);
          request.resolve(blob ?? { error: output.ok ? `object ${request.objectId} is missing` : output.message });
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The oldest requests up to MAX_BATCH_BYTES in all (at least one, however large). */
  private takeBatch(): Request[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count]!.size <= MAX_BATCH_BYTES)) bytes += this.queue[count++]!.size;
    return this.queue.splice(0, count);
  }
}
