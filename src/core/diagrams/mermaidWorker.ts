// A worker thread that validates diagrams with its own copy of mermaid (see mermaidWorkerPool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { mermaidValidator } from './mermaidValidator.js';

// This worker's global is its own, so mermaid runs in it directly rather than in a slower `vm` context.
const validate = mermaidValidator((workerData as { scriptPath: string }).scriptPath, 'thread-global');

parentPort?.on('message', (message: { id: number; language: string; source: string }) => {
  void validate(message.language, message.source).then(
    (problem) => parentPort?.postMessage({ id: message.id, problem }),
    () => parentPort?.postMessage({ id: message.id, problem: undefined }),
  );
});
