import { createHash } from 'node:crypto';
import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { HomePages } from '../blocks/home.js';
import { TtlCache } from '../cache/ttl-cache.js';
import { isDatabaseUnavailable } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { type Clock, SendQueue, type SendQueueOptions, systemClock } from './send-queue.js';

// Home tabs are published through one paced queue per app. views.publish is a Tier 4 method
// (100+ calls a minute per workspace), so a burst of openings is spread over time instead of
// answered with a burst of calls and 429s. Each person has at most one publish waiting: openings
// that arrive while theirs waits merge into it (the latest pages win), and one that arrives while
// theirs is being built or sent queues a single publish after it. The Home is built when its turn
// comes, so it shows the data of that moment and a merged burst costs one build. A Home identical
// to the one published to that person within HOME_UNCHANGED_MS is not sent again.

/** views.publish's pace: Slack's Tier 4 (100 a minute) with a short burst, two calls in flight. */
export const HOME_PUBLISH_PACE: SendQueueOptions = {
  channelIntervalMs: 0,
  workspacePerSecond: 100 / 60,
  workspaceBurst: 20,
  concurrency: 2,
};

/** How long a published Home is remembered (as a hash), so the same view is not published twice. */
export const HOME_UNCHANGED_MS = 60_000;

/** Builds a person's Home view (database reads, the person's language). */
export type RenderHome = (client: WebClient, userId: string, pages: HomePages) => Promise<HomeView>;

interface Request {
  client: WebClient;
  pages: HomePages;
}

export interface HomePublisherStats {
  /** Openings and paging requests received. */
  requested: number;
  /** views.publish calls that succeeded. */
  published: number;
  /** Homes built but not sent: the same view was published to that person moments before. */
  unchanged: number;
  failed: number;
}

export class HomePublisher {
  /** People with a publish waiting for its turn, with the latest request (client and pages). */
  private readonly waiting = new Map<string, Request>();
  /** People whose Home is being built or sent, with a request that arrived meanwhile (or null). */
  private readonly running = new Map<string, Request | null>();
  /** Hash of the view last published to each person. */
  private readonly published: TtlCache<string>;
  private readonly queue: SendQueue;
  private readonly clock: Clock;
  readonly stats: HomePublisherStats = { requested: 0, published: 0, unchanged: 0, failed: 0 };

  constructor(
    private readonly deps: {
      render: RenderHome;
      logger: AppLogger;
      pace?: SendQueueOptions;
      unchangedMs?: number;
      clock?: Clock;
    },
  ) {
    this.clock = deps.clock ?? systemClock;
    this.queue = new SendQueue(deps.pace ?? HOME_PUBLISH_PACE, this.clock);
    this.published = new TtlCache<string>(deps.unchangedMs ?? HOME_UNCHANGED_MS);
  }

  /** Asks for userId's Home tab to be published on pages; returns at once (the work is queued). */
  request(client: WebClient, userId: string, pages: HomePages): void {
    this.stats.requested += 1;
    const request = { client, pages };
    if (this.waiting.has(userId)) {
      this.waiting.set(userId, request);
      return;
    }
    if (this.running.has(userId)) {
      this.running.set(userId, request);
      return;
    }
    this.enqueue(userId, request);
  }

  /** Publishes waiting or running (one per person at most). */
  get size(): number {
    return this.waiting.size + this.running.size;
  }

  private enqueue(userId: string, request: Request): void {
    this.waiting.set(userId, request);
    // publish() logs its own failures and never rejects.
    void this.queue.send(userId, () => this.publish(userId));
  }

  private async publish(userId: string): Promise<void> {
    const request = this.waiting.get(userId);
    this.waiting.delete(userId);
    if (!request) return;
    this.running.set(userId, null);
    try {
      // A build's database reads settle as microtasks (the SQLite driver is synchronous), so the
      // builds the queue starts one after another would hold the event loop from incoming
      // requests for the whole burst: each build first lets pending I/O run.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const view = await this.deps.render(request.client, userId, request.pages);
      const hash = createHash('sha256').update(JSON.stringify(view)).digest('base64');
      if (this.published.get(userId, this.clock.now()) === hash) {
        this.stats.unchanged += 1;
        return;
      }
      await request.client.views.publish({ user_id: userId, view });
      this.published.set(userId, hash, this.clock.now());
      this.stats.published += 1;
    } catch (error) {
      // The Home tab is a convenience and Slack keeps showing the last published view: log, go on.
      this.stats.failed += 1;
      this.deps.logger.event('error', 'home tab not published', {
        user: userId,
        code: isDatabaseUnavailable(error)
          ? 'database_unavailable'
          : ((error as { code?: string }).code ?? 'unexpected'),
        error,
      });
    } finally {
      const next = this.running.get(userId);
      this.running.delete(userId);
      if (next) this.enqueue(userId, next);
    }
  }
}
