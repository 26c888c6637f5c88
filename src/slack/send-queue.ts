import { ErrorCode, type WebClient } from '@slack/web-api';
import type { DeliveryConfig } from '../config.js';
import type { AppLogger } from '../logger.js';

// Every scheduled message goes through one queue per Slack client, which keeps Slack's limits for
// chat.postMessage: about one message per second per channel and a workspace-wide rate with short
// bursts (token bucket). The WebClient must not retry on its own (rejectRateLimitedCalls, retries
// 0): here a 429 pauses the whole queue for its Retry-After (plus a little jitter), because Slack's
// limit for the method is per workspace, empties the bucket and halves the rate, which then grows
// back with each success; so replicas sharing a workspace settle on their share instead of
// colliding again. 5xx and network errors are retried with exponential backoff.

export type SendQueueOptions = Pick<
  DeliveryConfig,
  'channelIntervalMs' | 'workspacePerSecond' | 'workspaceBurst' | 'maxAttempts' | 'retryBaseMs' | 'concurrency'
> & {
  /** How long one message may keep waiting out 429s before it is given up (they use no attempts). */
  maxRateLimitWaitMs?: number;
  /** Up to this much random delay is added to a Retry-After, so that replicas do not resume in step. */
  rateLimitJitterMs?: number;
  maxBackoffMs?: number;
  logger?: AppLogger;
};

/** A message that could not be sent: after its retries (retryable) or at once (permanent). */
export class SendFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    readonly attempts: number,
  ) {
    super(`${retryable ? 'gave up after retries' : 'permanent failure'}: ${reason}`);
    this.name = 'SendFailure';
  }
}

export type SlackErrorClass =
  | { kind: 'rate_limited'; retryAfterMs: number; reason: string }
  | { kind: 'retryable'; reason: string }
  | { kind: 'permanent'; reason: string };

/** Slack platform errors that a later attempt may get past. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/** How a failed Web API call should be handled: wait for Retry-After, retry later, or give up. */
export function classifySlackError(error: unknown): SlackErrorClass {
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string; response_metadata?: { retryAfter?: number } };
    message?: string;
  };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', retryAfterMs: Math.max(0, e.retryAfter ?? 1) * 1000, reason: 'ratelimited' };
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      const reason = `http_${status}`;
      return status >= 500 || status === 429 || status === 408
        ? { kind: 'retryable', reason }
        : { kind: 'permanent', reason };
    }
    case ErrorCode.RequestError:
      return { kind: 'retryable', reason: `network: ${e.message ?? 'request failed'}` };
    case ErrorCode.PlatformError: {
      const reason = e.data?.error ?? 'platform_error';
      if (reason === 'ratelimited' || reason === 'rate_limited') {
        return { kind: 'rate_limited', retryAfterMs: (e.data?.response_metadata?.retryAfter ?? 1) * 1000, reason };
      }
      return TRANSIENT_PLATFORM_ERRORS.has(reason) ? { kind: 'retryable', reason } : { kind: 'permanent', reason };
    }
    default:
      return { kind: 'permanent', reason: e?.message ?? String(error) };
  }
}

interface Task {
  channel: string;
  call: () => Promise<unknown>;
  resolve: (value: { value: unknown; attempts: number }) => void;
  reject: (error: SendFailure) => void;
  attempts: number;
  rateLimitWaits: number;
  rateLimitedMs: number;
  notBefore: number;
}

/** A rate-limited, retrying queue of Slack calls (see the comment at the top of this file). */
export class SendQueue {
  private readonly pending: Task[] = [];
  private readonly busy = new Set<string>();
  private readonly nextStart = new Map<string, number>();
  private inFlight = 0;
  private tokens: number;
  private tokensAt = Date.now();
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly maxRateLimitWaitMs: number;
  private readonly jitterMs: number;
  /** Share of the configured rate in use: halved on a 429, regained gradually on success. */
  private rateFactor = 1;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: SendQueueOptions) {
    this.tokens = options.workspaceBurst;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 5 * 60_000;
    this.jitterMs = options.rateLimitJitterMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
  }

  /**
   * Runs call (one Web API call addressed to channel) when the limits allow, retrying as needed.
   * Resolves with its result and the number of HTTP attempts; rejects with a SendFailure.
   */
  send<T>(channel: string, call: () => Promise<T>): Promise<{ value: T; attempts: number }> {
    return new Promise((resolve, reject) => {
      this.pending.push({
        channel,
        call,
        resolve: resolve as Task['resolve'],
        reject,
        attempts: 0,
        rateLimitWaits: 0,
        rateLimitedMs: 0,
        notBefore: 0,
      });
      this.pump();
    });
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.pending.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Messages waiting (not yet sent). */
  get size(): number {
    return this.pending.length + this.inFlight;
  }

  private get rate(): number {
    return this.options.workspacePerSecond * this.rateFactor;
  }

  private refill(now: number) {
    if (now <= this.tokensAt) return;
    this.tokens = Math.min(this.options.workspaceBurst, this.tokens + ((now - this.tokensAt) / 1000) * this.rate);
    this.tokensAt = now;
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const now = Date.now();
    this.refill(now);
    let wakeAt = Number.POSITIVE_INFINITY;
    // A channel whose first waiting message cannot start blocks its later ones: per-channel order is kept.
    const blocked = new Set<string>();
    for (let i = 0; i < this.pending.length && this.inFlight < this.options.concurrency; ) {
      if (now < this.pausedUntil) {
        wakeAt = this.pausedUntil;
        break;
      }
      const task = this.pending[i] as Task;
      if (this.busy.has(task.channel) || blocked.has(task.channel)) {
        blocked.add(task.channel);
        i++;
        continue;
      }
      const readyAt = Math.max(this.nextStart.get(task.channel) ?? 0, task.notBefore);
      if (readyAt > now) {
        blocked.add(task.channel);
        wakeAt = Math.min(wakeAt, readyAt);
        i++;
        continue;
      }
      if (this.tokens < 1) {
        wakeAt = Math.min(wakeAt, Math.max(now, this.tokensAt) + Math.ceil(((1 - this.tokens) / this.rate) * 1000));
        break;
      }
      this.tokens -= 1;
      this.pending.splice(i, 1);
      this.start(task, now);
    }
    if (this.pending.length > 0 && Number.isFinite(wakeAt)) {
      this.timer = setTimeout(() => this.pump(), Math.max(1, wakeAt - now));
    }
    if (this.pending.length === 0 && this.inFlight === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private start(task: Task, now: number): void {
    this.inFlight++;
    this.busy.add(task.channel);
    this.nextStart.set(task.channel, now + this.options.channelIntervalMs);
    task.attempts++;
    task
      .call()
      .then(
        (value) => {
          this.rateFactor = Math.min(1, this.rateFactor + 0.05);
          task.resolve({ value, attempts: task.attempts });
        },
        (error: unknown) => this.failed(task, error),
      )
      .finally(() => {
        this.inFlight--;
        this.busy.delete(task.channel);
        this.pump();
      });
  }

  private failed(task: Task, error: unknown): void {
    const c = classifySlackError(error);
    const now = Date.now();
    const log = this.options.logger;
    if (c.kind === 'rate_limited') {
      task.rateLimitWaits++;
      task.rateLimitedMs += c.retryAfterMs;
      const resumeAt = now + c.retryAfterMs + Math.floor(Math.random() * this.jitterMs);
      if (resumeAt > this.pausedUntil) {
        this.pausedUntil = resumeAt;
        // Resume at the (reduced) sustained rate, not with a fresh burst.
        this.rateFactor = Math.max(0.125, this.rateFactor / 2);
        this.tokens = 0;
        this.tokensAt = resumeAt;
      }
      log?.event('warn', 'slack rate limited; queue paused', { channel: task.channel, retryAfterMs: c.retryAfterMs });
      if (task.rateLimitedMs > this.maxRateLimitWaitMs) {
        task.reject(new SendFailure(c.reason, true, task.attempts));
        return;
      }
      this.pending.unshift(task);
      return;
    }
    const failures = task.attempts - task.rateLimitWaits;
    if (c.kind === 'permanent' || failures >= this.options.maxAttempts) {
      task.reject(new SendFailure(c.reason, c.kind === 'retryable', task.attempts));
      return;
    }
    const backoff = Math.min(this.maxBackoffMs, this.options.retryBaseMs * 2 ** (failures - 1));
    log?.event('warn', 'slack call failed; will retry', {
      channel: task.channel,
      reason: c.reason,
      backoffMs: backoff,
    });
    task.notBefore = now + backoff;
    this.pending.unshift(task);
  }
}

const queues = new WeakMap<WebClient, SendQueue>();

/** The queue shared by every job that sends through this client (one workspace budget per process). */
export function sendQueueFor(client: WebClient, options: SendQueueOptions): SendQueue {
  let queue = queues.get(client);
  if (!queue) {
    queue = new SendQueue(options);
    queues.set(client, queue);
  }
  return queue;
}
