import type { AppLogger } from '../logger.js';

// What a listener does after Slack has its answer (a receipt, a channel post) has no deadline, but
// each Web API call costs the bot about 0.3 ms of CPU. Started all at once, a burst's follow-ups
// took that CPU from the acks of the next requests (the submission ack took 2.3× bare Bolt's time
// at 50 concurrent reporters); run a few at a time, they wait while acks go first.

/** How many follow-ups run at once: enough to keep Slack busy at a real network's round trip. */
export const FOLLOW_UP_CONCURRENCY = 4;

/** Runs listeners' after-ack work a few at a time, logging failures, and drains at shutdown. */
export class FollowUps {
  private readonly waiting: { name: string; task: () => Promise<void> }[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly logger: AppLogger,
    private readonly concurrency = FOLLOW_UP_CONCURRENCY,
  ) {}

  /** Queues task; name identifies it in the log if it fails. */
  run(name: string, task: () => Promise<void>): void {
    this.waiting.push({ name, task });
    this.pump();
  }

  /** Follow-ups queued or running. */
  get size(): number {
    return this.waiting.length + this.running;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits up to timeoutMs for the queue to empty; returns how many follow-ups were left. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.idle(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return this.size;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.waiting.shift();
      if (!next) break;
      this.running += 1;
      void Promise.resolve()
        .then(next.task)
        .catch((error: unknown) => this.logger.event('error', 'follow-up failed', { followUp: next.name, error }))
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
    if (this.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
