import type { WebClient } from '@slack/web-api';
import type { DeliveryConfig } from '../config.js';

// Every scheduled message goes through one queue per Slack client, which keeps Slack's pace for
// chat.postMessage: about one message per second per channel (one call in flight per channel, in
// the order queued) and a workspace-wide rate with short bursts (a token bucket), with a few calls
// in flight. Retries and the waits for a 429's Retry-After are the WebClient's own (job-client.ts);
// while the client waits, the calls in flight keep their slots, so the queue waits with it.

export type SendQueueOptions = Pick<
  DeliveryConfig,
  'channelIntervalMs' | 'workspacePerSecond' | 'workspaceBurst' | 'concurrency'
>;

/** The queue's time and timers; tests pass fake ones. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The process's clock and timers, looked up at each call (so vi.useFakeTimers() applies too). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Task {
  channel: string;
  call: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A paced queue of Slack calls (see the comment at the top of this file). */
export class SendQueue {
  private readonly pending: Task[] = [];
  private readonly busy = new Set<string>();
  /** When each channel may have its next call. */
  private readonly nextStart = new Map<string, number>();
  private inFlight = 0;
  private tokens: number;
  private tokensAt: number;
  private timer: unknown = null;

  constructor(
    private readonly options: SendQueueOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = options.workspaceBurst;
    this.tokensAt = clock.now();
  }

  /** Runs call (one Web API call addressed to channel) when the pace allows; settles as it does. */
  send<T>(channel: string, call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ channel, call, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Calls waiting or in flight. */
  get size(): number {
    return this.pending.length + this.inFlight;
  }

  private refill(now: number): void {
    const { workspaceBurst, workspacePerSecond } = this.options;
    this.tokens = Math.min(
      workspaceBurst,
      this.tokens + (Math.max(0, now - this.tokensAt) / 1000) * workspacePerSecond,
    );
    this.tokensAt = now;
  }

  private pump(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    const now = this.clock.now();
    this.refill(now);
    let wakeAt = Number.POSITIVE_INFINITY;
    // A channel whose first waiting call cannot start holds back its later ones: order is kept.
    const blocked = new Set<string>();
    for (let i = 0; i < this.pending.length && this.inFlight < this.options.concurrency; ) {
      const task = this.pending[i] as Task;
      const readyAt = this.nextStart.get(task.channel) ?? 0;
      if (this.busy.has(task.channel) || blocked.has(task.channel) || readyAt > now) {
        // A busy channel is pumped again when its call settles; one waiting for its interval, then.
        if (!this.busy.has(task.channel) && readyAt > now) wakeAt = Math.min(wakeAt, readyAt);
        blocked.add(task.channel);
        i += 1;
        continue;
      }
      if (this.tokens < 1) {
        wakeAt = Math.min(wakeAt, now + Math.ceil(((1 - this.tokens) / this.options.workspacePerSecond) * 1000));
        break;
      }
      this.tokens -= 1;
      this.pending.splice(i, 1);
      this.start(task, now);
    }
    if (this.pending.length > 0 && Number.isFinite(wakeAt)) {
      this.timer = this.clock.setTimeout(() => this.pump(), Math.max(1, wakeAt - now));
    }
    if (this.pending.length === 0) {
      // Intervals already over matter no more: the map holds only channels still pacing.
      for (const [channel, at] of this.nextStart) if (at <= now) this.nextStart.delete(channel);
    }
  }

  private start(task: Task, now: number): void {
    this.inFlight += 1;
    this.busy.add(task.channel);
    this.nextStart.set(task.channel, now + this.options.channelIntervalMs);
    Promise.resolve()
      .then(task.call)
      .then(task.resolve, task.reject)
      .finally(() => {
        this.inFlight -= 1;
        this.busy.delete(task.channel);
        this.pump();
      });
  }
}

const queues = new WeakMap<WebClient, SendQueue>();

/** The queue shared by every job that sends through this client (one workspace budget per process). */
export function sendQueueFor(client: WebClient, options: SendQueueOptions, clock: Clock = systemClock): SendQueue {
  let queue = queues.get(client);
  if (!queue) {
    queue = new SendQueue(options, clock);
    queues.set(client, queue);
  }
  return queue;
}
