import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A Slack Web API stand-in on 127.0.0.1 that keeps Slack's posting limits for chat.postMessage
// (about one message per second per channel, a workspace-wide token bucket), and optionally
// views.publish's (Tier 4: a number of calls a minute), and answers 429 with Retry-After when a
// client breaks them, as Slack does. It answers the start-up calls of a bot (auth.test, bots.info
// for the tests' installation) so a whole bot process can run against it. It can also be switched into an outage
// (every call answered 500 or 429), and records every message it accepted, so benchmarks and
// fault tests can count what reached "Slack": recipients, duplicates, timing.

export interface ThrottledSlackLimits {
  /** Messages per second one channel accepts (Slack: about 1); Infinity for no limit. */
  perSecondPerChannel: number;
  /** Workspace-wide messages per second (sustained); Infinity for no limit. */
  workspaceRate: number;
  /** Messages the workspace bucket allows in a burst. */
  workspaceBurst: number;
  /** views.publish calls a minute (a bucket of that many, refilled over the minute); absent: no limit. */
  viewsPublishPerMinute?: number;
}

export interface AcceptedPost {
  /** The recipient: the channel as addressed, or the user of a DM channel (D… → U…). */
  channel: string;
  threadTs: string | null;
  ts: string;
  at: number;
  text: string;
}

export interface ThrottledSlackStats {
  /** chat.postMessage calls accepted (answered ok). */
  posts: number;
  updates: number;
  /** 429s answered for breaking a limit (not counting the outage). */
  rateLimited: number;
  perChannel429: number;
  workspace429: number;
  /** Answers given while in an outage. */
  outage429: number;
  outage500: number;
  /**
   * Accepted posts per recipient: the channel as addressed, a DM channel (D…, which this fake
   * answers for U…) counted as its user's, so that a reply in a DM thread counts for that person.
   */
  byChannel: Map<string, number>;
  firstAt: number;
  lastAt: number;
  /** views.publish calls accepted, per user, and when the first and last were. */
  viewsPublished: number;
  viewsPublish429: number;
  viewsPublishedByUser: Map<string, number>;
  viewsPublishFirstAt: number;
  viewsPublishLastAt: number;
}

export interface OutageOptions {
  /** Retry-After (seconds) sent with the outage's 429s. */
  retryAfterSeconds: number;
  /** Share of outage answers that are 429 rather than 500 (default: every other one). */
  share429?: number;
}

export interface ThrottledSlack {
  /** Base URL for SLACK_API_URL (ends with /api/). */
  url: string;
  stats: ThrottledSlackStats;
  /** Every accepted chat.postMessage, in order. */
  posts: AcceptedPost[];
  /** From now on every call is answered 500 or 429 (with Retry-After) until endOutage(). */
  startOutage(options: OutageOptions): void;
  endOutage(): void;
  /** Called synchronously for each accepted post (a fault test kills the sender at an exact count). */
  onPost(listener: (post: AcceptedPost, count: number) => void): void;
  close(): Promise<void>;
}

export function emptyStats(): ThrottledSlackStats {
  return {
    posts: 0,
    updates: 0,
    rateLimited: 0,
    perChannel429: 0,
    workspace429: 0,
    outage429: 0,
    outage500: 0,
    byChannel: new Map(),
    firstAt: 0,
    lastAt: 0,
    viewsPublished: 0,
    viewsPublish429: 0,
    viewsPublishedByUser: new Map(),
    viewsPublishFirstAt: 0,
    viewsPublishLastAt: 0,
  };
}

/** Messages a channel received beyond the first: each is a duplicate when one message is expected per channel. */
export function countDuplicates(byChannel: Map<string, number>): number {
  return [...byChannel.values()].reduce((n, v) => n + Math.max(0, v - 1), 0);
}

/**
 * The least time the limits allow for sending `perChannel` messages (channel → count): the slowest
 * channel at its rate, or the workspace bucket (a burst, then the sustained rate), whichever is longer.
 */
export function floorSeconds(perChannel: Iterable<number>, limits: ThrottledSlackLimits): number {
  let total = 0;
  let busiest = 0;
  for (const n of perChannel) {
    total += n;
    busiest = Math.max(busiest, n);
  }
  const channelFloor =
    Number.isFinite(limits.perSecondPerChannel) && busiest > 1 ? (busiest - 1) / limits.perSecondPerChannel : 0;
  const workspaceFloor = Number.isFinite(limits.workspaceRate)
    ? Math.max(0, total - limits.workspaceBurst) / limits.workspaceRate
    : 0;
  return Math.max(channelFloor, workspaceFloor);
}

export async function startThrottledSlack(limits: ThrottledSlackLimits): Promise<ThrottledSlack> {
  const stats = emptyStats();
  const posts: AcceptedPost[] = [];
  const listeners: ((post: AcceptedPost, count: number) => void)[] = [];
  const lastPost = new Map<string, number>();
  let tokens = limits.workspaceBurst;
  let tokensAt = Date.now();
  let seq = 0;
  let outage: (OutageOptions & { answered: number }) | null = null;

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const outageAnswer = (res: ServerResponse, o: OutageOptions & { answered: number }) => {
    o.answered++;
    const share = o.share429 ?? 0.5;
    // Deterministic interleaving: 429s and 500s alternate in the requested proportion.
    const is429 = Math.floor(o.answered * share) !== Math.floor((o.answered - 1) * share);
    if (is429) {
      stats.outage429++;
      return reply(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        { 'retry-after': String(Math.max(1, Math.round(o.retryAfterSeconds))) },
      );
    }
    stats.outage500++;
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  };

  const postMessage = (res: ServerResponse, body: Record<string, string>) => {
    const now = Date.now();
    const channel = String(body.channel);
    // Posting to a user id opens the DM (D…) with them: one channel for the limits and the counts.
    const recipient = channel.startsWith('D') ? `U${channel.slice(1)}` : channel;
    const last = lastPost.get(recipient);
    const gap = Number.isFinite(limits.perSecondPerChannel) ? 1000 / limits.perSecondPerChannel : 0;
    if (last !== undefined && now - last < gap) {
      stats.rateLimited++;
      stats.perChannel429++;
      return reply(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        { 'retry-after': String(Math.max(1, Math.ceil((gap - (now - last)) / 1000))) },
      );
    }
    if (Number.isFinite(limits.workspaceRate)) {
      tokens = Math.min(limits.workspaceBurst, tokens + ((now - tokensAt) / 1000) * limits.workspaceRate);
      tokensAt = now;
      if (tokens < 1) {
        stats.rateLimited++;
        stats.workspace429++;
        const wait = Math.max(1, Math.ceil((1 - tokens) / limits.workspaceRate));
        return reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
      }
      tokens -= 1;
    }
    lastPost.set(recipient, now);
    seq++;
    const ts = `1800000000.${String(seq).padStart(6, '0')}`;
    const post: AcceptedPost = {
      channel: recipient,
      threadTs: body.thread_ts ?? null,
      ts,
      at: now,
      text: body.text ?? '',
    };
    posts.push(post);
    stats.posts++;
    stats.byChannel.set(recipient, (stats.byChannel.get(recipient) ?? 0) + 1);
    if (!stats.firstAt) stats.firstAt = now;
    stats.lastAt = now;
    for (const listener of listeners) listener(post, stats.posts);
    return reply(res, 200, { ok: true, channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel, ts });
  };

  const publishRate = limits.viewsPublishPerMinute ?? Number.POSITIVE_INFINITY;
  let publishTokens = publishRate;
  let publishTokensAt = Date.now();
  const viewsPublish = (res: ServerResponse, body: Record<string, string>) => {
    const now = Date.now();
    if (Number.isFinite(publishRate)) {
      publishTokens = Math.min(publishRate, publishTokens + ((now - publishTokensAt) / 60_000) * publishRate);
      publishTokensAt = now;
      if (publishTokens < 1) {
        stats.viewsPublish429++;
        const wait = Math.max(1, Math.ceil(((1 - publishTokens) / publishRate) * 60));
        return reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
      }
      publishTokens -= 1;
    }
    const user = String(body.user_id);
    stats.viewsPublished++;
    stats.viewsPublishedByUser.set(user, (stats.viewsPublishedByUser.get(user) ?? 0) + 1);
    if (!stats.viewsPublishFirstAt) stats.viewsPublishFirstAt = now;
    stats.viewsPublishLastAt = now;
    return reply(res, 200, { ok: true, view: { id: `V${user}`, hash: String(now) } });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    // A client killed mid-request (the fault tests SIGKILL the bot) must not take the server down.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = Object.fromEntries(new URLSearchParams(raw));
      const method = (req.url ?? '').replace(/^\/api\//, '');
      if (outage) return outageAnswer(res, outage);
      if (method === 'users.info') return reply(res, 200, { ok: true, user: { id: body.user, locale: 'ja-JP' } });
      if (method === 'auth.test') {
        return reply(res, 200, {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'tracker',
          team_id: 'T0001',
          enterprise_id: 'E0001',
          user_id: 'UBOT00001',
          bot_id: 'BBOT00001',
        });
      }
      if (method === 'bots.info') {
        return reply(res, 200, { ok: true, bot: { id: 'BBOT00001', app_id: 'A123456', user_id: 'UBOT00001' } });
      }
      if (method === 'views.publish') return viewsPublish(res, body);
      if (method === 'chat.update') {
        stats.updates++;
        return reply(res, 200, { ok: true, channel: body.channel, ts: body.ts });
      }
      if (method !== 'chat.postMessage') return reply(res, 200, { ok: false, error: 'unknown_method' });
      return postMessage(res, body);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    stats,
    posts,
    startOutage: (options) => {
      outage = { ...options, answered: 0 };
    },
    endOutage: () => {
      outage = null;
    },
    onPost: (listener) => {
      listeners.push(listener);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
