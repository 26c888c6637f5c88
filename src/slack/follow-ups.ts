import type { AppLogger } from '../logger.js';

// What a listener does after Slack has its answer (a receipt, a channel post) has no deadline, but
// each Web API call costs the bot about 0.3 ms of CPU. Started all at once, a burst's follow-ups
// took that CPU from the acks of the next requests (the submission ack took 2.3× bare Bolt's time
// at 50 concurrent reporters); run a few at a time, they still took about 0.15 ms of CPU per
// submission from the acks of a burst (docs/benchmarks.md, sixth session). So they also wait, up
// to a bound, while any request is still waiting for its answer: acks have Slack's 3 s deadline,
// receipts none. Only the HTTP receiver reports its requests (app.ts); in Socket Mode nothing is
// held.

/** How many follow-ups run at once: enough to keep Slack busy at a real network's round trip. */
export const FOLLOW_UP_CONCURRENCY = 4;

/** The longest a follow-up waits for the bot to have no answer pending before it starts anyway. */
export const FOLLOW_UP_MAX_HOLD_MS = 5_000;

interface Waiting {
  name: string;
  task: () => Promise<void>;
  queuedAt: number;
}

/**
 * Runs listeners' after-ack work a few at a time and, while answers are pending, holds it back (at
 * most maxHoldMs); logs failures and drains at shutdown.
 */
export class FollowUps {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  /** Follow-ups whose input has not settled yet (runAfter). */
  private awaited = 0;
  private pending = 0;
  private holdTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxHoldMs: number;
  private readonly now: () => number;

  constructor(
    private readonly logger: AppLogger,
    options: { concurrency?: number; maxHoldMs?: number; now?: () => number } = {},
  ) {
    this.concurrency = options.concurrency ?? FOLLOW_UP_CONCURRENCY;
    this.maxHoldMs = options.maxHoldMs ?? FOLLOW_UP_MAX_HOLD_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Queues task; name identifies it in the log if it fails. */
  run(name: string, task: () => Promise<void>): void {
    this.waiting.push({ name, task, queuedAt: this.now() });
    this.pump();
  }

  /**
   * A request's answer is being prepared: follow-ups hold until the returned function has been
   * called for every such request (it may be called more than once).
   */
  answering(): () => void {
    this.pending += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pending -= 1;
      if (this.pending === 0) this.pump();
    };
  }

  /** Requests still waiting for their answer. */
  get pendingAnswers(): number {
    return this.pending;
  }

  /**
   * Queues task once input has settled (a value it needs is still coming, e.g. a slow write).
   * Until then it counts as queued, so drain() waits for it, but it takes no running slot.
   */
  runAfter<T>(name: string, input: Promise<T>, task: (value: T) => Promise<void>): void {
    this.awaited += 1;
    void input
      .then(
        (value) => this.run(name, () => task(value)),
        (error: unknown) => this.logger.event('error', 'follow-up failed', { followUp: name, error }),
      )
      .finally(() => {
        // After run() has queued the task, so the size never passes through 0 in between.
        this.awaited -= 1;
        this.pump();
      });
  }

  /** Follow-ups queued, waiting for their input, or running. */
  get size(): number {
    return this.waiting.length + this.running + this.awaited;
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
      const next = this.waiting[0];
      if (!next) break;
      const heldFor = this.now() - next.queuedAt;
      if (this.pending > 0 && heldFor < this.maxHoldMs) {
        this.wakeAfter(this.maxHoldMs - heldFor);
        break;
      }
      this.waiting.shift();
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

  /** Pumps again once the oldest held follow-up has waited its longest. */
  private wakeAfter(ms: number): void {
    if (this.holdTimer) return;
    this.holdTimer = setTimeout(
      () => {
        this.holdTimer = null;
        this.pump();
      },
      Math.max(0, Math.ceil(ms)),
    );
    // A held receipt alone does not keep a stopping process alive; drain() waits for it.
    this.holdTimer.unref();
  }
}
