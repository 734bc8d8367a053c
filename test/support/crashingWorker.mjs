// A stand-in diagram worker for the pool's tests: it answers every diagram "fine", and exits mid-parse on one
// whose source is `crash` (as a worker out of memory would).
import { parentPort, workerData } from 'node:worker_threads';

parentPort.postMessage({ ready: true });
parentPort.on('message', (message) => {
  if (message.source === 'crash') process.exit(3);
  Atomics.store(workerData.answered, 0, message.id + 1);
  parentPort.postMessage({ id: message.id, problem: undefined });
});
