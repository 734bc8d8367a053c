import { Worker } from 'node:worker_threads';
import type { DiagramProblem, DiagramValidator } from './diagramValidator.js';
import { mermaidValidator } from './mermaidValidator.js';

interface Pending {
  readonly language: string;
  readonly source: string;
  readonly resolve: (problem: DiagramProblem | undefined) => void;
}

/**
 * Validates diagrams in worker threads, each with its own mermaid, so a cold check of a large SMS parses them
 * while the main thread reads documents. Workers start on the first diagram and do not keep the process alive.
 * Where workers cannot start, or one dies, diagrams are validated in this thread instead; the results are
 * the same either way.
 *
 * One worker by default: a diagram takes about 2 ms, so at 1,000 documents one worker finishes with the main
 * thread (a second bought nothing on two cores), and each worker holds its own copy of mermaid (50–60 MB).
 */
export function mermaidWorkerPool(scriptPath: string, workerScript: URL | string, size = 1): DiagramValidator {
  const workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let nextWorker = 0;
  let inline: DiagramValidator | undefined;
  let failed = false;

  const start = (): void => {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerScript, { workerData: { scriptPath }, resourceLimits: WORKER_LIMITS });
      worker.on('message', (message: { id: number; problem: DiagramProblem | undefined }) => {
        pending.get(message.id)?.resolve(message.problem ?? undefined);
        pending.delete(message.id);
        if (pending.size === 0) idle();
      });
      worker.on('error', () => fallBack());
      workers.push(worker);
    }
  };
  // Workers hold the process open only while they have questions to answer.
  const idle = (): void => {
    for (const worker of workers) worker.unref();
  };
  const busy = (): void => {
    for (const worker of workers) worker.ref();
  };
  // A worker that dies takes its questions with it: answer them (and all later ones) in this thread.
  const fallBack = (): void => {
    failed = true;
    inline ??= mermaidValidator(scriptPath);
    for (const worker of workers) void worker.terminate();
    workers.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const item of waiting) void inline(item.language, item.source).then(item.resolve);
  };

  return async (language, source) => {
    if (language !== 'mermaid') return undefined;
    if (!failed && workers.length === 0) {
      try {
        start();
        idle();
      } catch {
        fallBack();
      }
    }
    if (failed || workers.length === 0) {
      inline ??= mermaidValidator(scriptPath);
      return inline(language, source);
    }
    const id = nextId++;
    const worker = workers[nextWorker++ % workers.length];
    return new Promise<DiagramProblem | undefined>((resolve) => {
      if (pending.size === 0) busy();
      pending.set(id, { language, source, resolve });
      worker?.postMessage({ id, language, source });
    });
  };
}

/**
 * mermaid's parsing makes short-lived garbage at a high rate, and with V8's default young generation a worker
 * grew by 70–100 MB over a 10,000-document check; 4 MB keeps it at 40–60 MB and parses as fast.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };
