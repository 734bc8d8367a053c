/** Runs operations one at a time in the order they were queued; a failing one does not stop the rest. */
export class WorkQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation, operation);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> {
    return this.run(async () => undefined);
  }
}

/** Thrown inside work that a newer request made pointless (a restart while reading the SMS). */
export class WorkCancelled extends Error {
  constructor() {
    super('Cancelled: a newer request replaced this work.');
  }
}
