// A worker thread that validates diagrams with its own copy of mermaid (see mermaidWorkerPool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { compactHeap } from '../memory/compactHeap.js';
import type { DiagramProblem } from './diagramValidator.js';
import { mermaidValidator } from './mermaidValidator.js';

compactHeap();
const { scriptPath, answered } = workerData as { scriptPath: string; answered: Int32Array };
// This worker's global is its own, so mermaid runs in it directly rather than in a slower `vm` context.
const validate = mermaidValidator(scriptPath, 'thread-global');

// mermaid is loaded before the first diagram arrives, so a diagram's time limit counts its own parse only.
void validate('mermaid', 'info').finally(() => parentPort?.postMessage({ ready: true }));

parentPort?.on('message', (message: { id: number; language: string; source: string }) => {
  const answer = (problem: DiagramProblem | undefined): void => {
    // Written before the answer is posted: a time limit that fires while the answer is on its way sees it done.
    Atomics.store(answered, 0, message.id + 1);
    parentPort?.postMessage({ id: message.id, problem });
  };
  void validate(message.language, message.source).then(answer, () => answer(undefined));
});
