// A worker thread that validates diagrams with its own copy of mermaid (see mermaidWorkerPool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { mermaidValidator } from './mermaidValidator.js';

const validate = mermaidValidator((workerData as { scriptPath: string }).scriptPath);

parentPort?.on('message', (message: { id: number; language: string; source: string }) => {
  void validate(message.language, message.source).then(
    (problem) => parentPort?.postMessage({ id: message.id, problem }),
    () => parentPort?.postMessage({ id: message.id, problem: undefined }),
  );
});
