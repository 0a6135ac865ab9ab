/**
 * Runs tasks one at a time in arrival order. The local lakehouse uses one DuckDB connection and
 * assigns table versions as max+1 inside each commit, so commits must not interleave.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues a task; resolves or rejects with the task's own outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
