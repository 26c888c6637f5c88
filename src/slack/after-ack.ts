import type { AppLogger } from '../logger.js';

/** How many after-ack tasks run at once: a few Web API calls in flight, not one per request of a burst. */
export const AFTER_ACK_CONCURRENCY = 4;

/**
 * What listeners do once Slack has its answer (receipts, channel posts): run a few at a time in the
 * order queued, failures logged, and drained when the bot stops so that the receipts of reports
 * already stored still go out.
 */
export class AfterAckQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly unfinished = new Set<Promise<void>>();

  constructor(
    private readonly logger: AppLogger,
    private readonly concurrency: number = AFTER_ACK_CONCURRENCY,
  ) {}

  /** Queues task; name identifies it in the log if it fails. */
  run(name: string, task: () => Promise<void>): void {
    this.track(name, this.inSlot(task));
  }

  /**
   * Queues task once input has settled (a value it needs is still coming, e.g. a slow write). Until
   * then it counts for drain() but takes no slot; a rejected input is logged like a failed task.
   */
  runAfter<T>(name: string, input: Promise<T>, task: (value: T) => Promise<void>): void {
    this.track(
      name,
      input.then((value) => this.inSlot(() => task(value))),
    );
  }

  /** Tasks queued, waiting for their input, or running. */
  get size(): number {
    return this.unfinished.size;
  }

  /** Waits up to timeoutMs for every task, including those queued meanwhile; returns how many were left. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    try {
      while (this.unfinished.size > 0) {
        const all = Promise.all(this.unfinished).then(() => 'done' as const);
        if ((await Promise.race([all, late])) === 'late') break;
      }
    } finally {
      clearTimeout(timer);
    }
    return this.unfinished.size;
  }

  private track(name: string, work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => this.logger.event('error', 'after-ack task failed', { task: name, error }))
      .finally(() => this.unfinished.delete(tracked));
    this.unfinished.add(tracked);
  }

  /** Runs task in one of the `concurrency` slots; a finished task hands its slot to the oldest waiting. */
  private async inSlot(task: () => Promise<void>): Promise<void> {
    if (this.active < this.concurrency) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
