import { Worker } from 'node:worker_threads';
import { DIAGRAM_TIME_LIMIT_MS, diagramSizeProblem, tooComplex } from './diagramLimits.js';
import type { DiagramProblem, DiagramValidator } from './diagramValidator.js';
import { mermaidValidator } from './mermaidValidator.js';

/** A diagram validator that holds worker threads until disposed. */
export type DiagramValidatorPool = DiagramValidator & { dispose(): Promise<void> };

interface Job {
  readonly id: number;
  readonly language: string;
  readonly source: string;
  readonly resolve: (problem: DiagramProblem | undefined) => void;
}

interface Slot {
  readonly worker: Worker;
  /** How many of this pool's jobs the worker has answered (the last job's id + 1), written by the worker. */
  readonly answered: Int32Array;
  ready: boolean;
  /** The diagram the worker is parsing; a worker gets one at a time, so its time limit is its own. */
  job?: Job;
  timer?: NodeJS.Timeout;
  gone: boolean;
}

/**
 * Validates diagrams in worker threads, each with its own mermaid, so a cold check of a large SMS parses them
 * while the main thread reads documents. Workers start on the first diagram and keep the process alive only
 * while they have diagrams to answer.
 *
 * A diagram comes with the repository, and mermaid's parser can take minutes on a crafted one. Each worker
 * parses one diagram at a time against a time limit: past it, or when the worker dies (out of memory), the
 * worker is replaced and the diagram reported as too complex to check; the queue goes on. Where workers
 * cannot start at all, diagrams are validated in this thread instead, within the same limits (see mermaidValidator).
 *
 * One worker by default: a diagram takes about 2 ms, so at 1,000 documents one worker finishes with the main
 * thread (a second bought nothing on two cores), and each worker holds its own copy of mermaid (50–60 MB).
 */
export function mermaidWorkerPool(scriptPath: string, workerScript: URL | string, size = 1, timeLimitMs = DIAGRAM_TIME_LIMIT_MS): DiagramValidatorPool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let inline: DiagramValidator | undefined;
  let failed = false;
  let disposed = false;

  const start = (): void => {
    const answered = new Int32Array(new SharedArrayBuffer(4));
    const slot: Slot = {
      worker: new Worker(workerScript, { workerData: { scriptPath, answered }, resourceLimits: WORKER_LIMITS }),
      answered,
      ready: false,
      gone: false,
    };
    slot.worker.on('message', (message: { ready?: true; id?: number; problem?: DiagramProblem }) => {
      if (message.ready) slot.ready = true;
      else if (slot.job && message.id === slot.job.id) finish(slot, message.problem ?? undefined);
      pump();
    });
    slot.worker.on('error', () => lost(slot, 'the diagram checker failed while parsing it'));
    slot.worker.on('exit', () => lost(slot, 'the diagram checker stopped while parsing it (out of memory?)'));
    slots.push(slot);
  };

  const finish = (slot: Slot, problem: DiagramProblem | undefined): void => {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    job?.resolve(problem);
  };

  // Gives waiting diagrams to idle workers, and lets the process exit while no diagram is waiting.
  const pump = (): void => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || slot.gone) continue;
      const job = queue.shift();
      if (!job) break;
      slot.job = job;
      slot.timer = setTimeout(() => overtime(slot, job), timeLimitMs);
      slot.worker.postMessage({ id: job.id, language: job.language, source: job.source });
    }
    const active = queue.length > 0 || slots.some((slot) => slot.job);
    for (const slot of slots) {
      if (active) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  const overtime = (slot: Slot, job: Job): void => {
    // Answered, with the answer still on its way (this thread was busy): not over time.
    if (Atomics.load(slot.answered, 0) > job.id || slot.job !== job) return;
    replace(slot, `parsing it took longer than ${timeLimitMs / 1000} s`);
  };

  const lost = (slot: Slot, reason: string): void => {
    if (slot.gone) return;
    // A worker that never became ready cannot run here at all: this thread takes over every diagram.
    if (!slot.ready) {
      fallBack();
      return;
    }
    replace(slot, reason);
  };

  const replace = (slot: Slot, reason: string): void => {
    slot.gone = true;
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    if (slot.job) finish(slot, tooComplex(reason));
    if (!disposed) start();
    pump();
  };

  const fallBack = (): void => {
    failed = true;
    inline ??= mermaidValidator(scriptPath, 'sandbox', 'fast', timeLimitMs);
    const waiting = [...queue, ...slots.flatMap((slot) => (slot.job ? [slot.job] : []))];
    queue.length = 0;
    for (const slot of slots.splice(0)) {
      slot.gone = true;
      clearTimeout(slot.timer);
      void slot.worker.terminate();
    }
    for (const job of waiting) void inline(job.language, job.source).then(job.resolve);
  };

  const validate: DiagramValidator = async (language, source) => {
    if (language !== 'mermaid') return undefined;
    const tooLarge = diagramSizeProblem(source);
    if (tooLarge) return tooLarge;
    if (!failed && !disposed && slots.length === 0) {
      try {
        for (let i = 0; i < size; i++) start();
      } catch {
        fallBack();
      }
    }
    if (failed || disposed || slots.length === 0) {
      inline ??= mermaidValidator(scriptPath, 'sandbox', 'fast', timeLimitMs);
      return inline(language, source);
    }
    return new Promise<DiagramProblem | undefined>((resolve) => {
      queue.push({ id: nextId++, language, source, resolve });
      pump();
    });
  };

  // On shutdown: workers stop, and diagrams still waiting are answered "not judged" rather than left hanging.
  const dispose = async (): Promise<void> => {
    disposed = true;
    const stopping = slots.splice(0);
    const waiting = [...queue.splice(0), ...stopping.flatMap((slot) => (slot.job ? [slot.job] : []))];
    for (const slot of stopping) {
      slot.gone = true;
      clearTimeout(slot.timer);
    }
    for (const job of waiting) job.resolve(undefined);
    await Promise.all(stopping.map((slot) => slot.worker.terminate()));
  };

  return Object.assign(validate, { dispose });
}

/**
 * mermaid's parsing makes short-lived garbage at a high rate, and with V8's default young generation a worker
 * grew by 70–100 MB over a 10,000-document check; 4 MB keeps it at 40–60 MB and parses as fast.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };
