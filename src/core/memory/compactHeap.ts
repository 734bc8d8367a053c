import { setFlagsFromString } from 'node:v8';

/**
 * Keeps this thread's heap close to its live data. A check keeps what it reads of every file until its report is
 * written, and V8's default growth let the heap run to about twice that before collecting (peak RSS 235-330 MB
 * at 10,000 documents); growing the old generation 15% per collection and keeping the young generation at its
 * first size brings it to about 200 MB for about 5% more CPU (bench/results.md, step 19).
 *
 * V8 reads both flags when it sizes the heap after a collection, so setting them once running takes effect.
 * Each thread that holds much (the main thread, the diagram worker) calls this itself: measured, the flags set
 * by the main thread alone did not shrink the worker.
 */
export function compactHeap(): void {
  setFlagsFromString('--heap-growing-percent=15');
  setFlagsFromString('--semi-space-growth-factor=1');
}
