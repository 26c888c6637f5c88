import type { HomeView } from '@slack/types';
import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HomePages } from '../../src/blocks/home.js';
import { HOME_PUBLISH_PACE, HomePublisher } from '../../src/slack/home-publisher.js';
import { captureLogger } from '../helpers/context.js';
import { decodeSlackBody } from '../helpers/slack-driver.js';

type Published = { user_id: string; view: HomeView };

/** A Home whose text is what `content` holds when it is built, and the pages asked for. */
function homeOf(text: string, pages: HomePages): HomeView {
  return {
    type: 'home',
    private_metadata: JSON.stringify(pages),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

function textOf(p: Published): string {
  const block = p.view.blocks[0] as { text: { text: string } };
  return block.text.text;
}

/** Answers every views.publish (ok unless `reply` says otherwise) and records what was published. */
function capturePublishes(reply: (n: number) => Record<string, unknown> = () => ({ ok: true })) {
  const published: Published[] = [];
  nock('https://slack.com')
    .persist()
    .post('/api/views.publish')
    .reply(200, (_uri, body) => {
      published.push(decodeSlackBody(body) as unknown as Published);
      return reply(published.length);
    });
  return published;
}

describe('HomePublisher (fake timers)', () => {
  const client = new WebClient('xoxb-test', { retryConfig: { retries: 0 } });
  let content: Record<string, string>;
  let renders: string[];

  beforeEach(() => {
    // Only the clock: nock and the HTTP client keep their real setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    content = {};
    renders = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    nock.cleanAll();
  });

  function publisher(options: { pace?: Partial<typeof HOME_PUBLISH_PACE>; unchangedMs?: number } = {}) {
    const { logger, lines } = captureLogger();
    const home = new HomePublisher({
      render: async (_client, userId, pages) => {
        renders.push(userId);
        return homeOf(content[userId] ?? 'empty', pages);
      },
      logger,
      pace: { ...HOME_PUBLISH_PACE, ...options.pace },
      ...(options.unchangedMs === undefined ? {} : { unchangedMs: options.unchangedMs }),
    });
    return { home, lines };
  }

  /**
   * One turn of the event loop, and the timers due now (the HTTP client's zero-delay timers are
   * faked too): the clock does not move, so nothing the pacing holds back is released.
   */
  async function turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(0);
  }

  /** Lets the queue, the renders and the HTTP round trips run, the clock moving by ms. */
  async function settle(home: HomePublisher, ms = 0): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms);
    for (let i = 0; i < 2000 && home.size > 0; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(home.size).toBe(0);
  }

  it('merges many openings by one person into one publish of the latest content and pages', async () => {
    const published = capturePublishes();
    // One call a second, no burst beyond it: U1 goes at once, U2 waits for its turn.
    const { home } = publisher({ pace: { workspacePerSecond: 1, workspaceBurst: 1 } });
    content.U1 = 'u1';
    home.request(client, 'U1', { mine: 0, org: 0 });
    for (let i = 0; i < 10; i += 1) {
      content.U2 = `u2 version ${i}`;
      home.request(client, 'U2', { mine: i, org: 0 });
    }
    await settle(home, 1000);
    expect(published.map((p) => p.user_id)).toEqual(['U1', 'U2']);
    const u2 = published[1] as Published;
    expect(textOf(u2)).toBe('u2 version 9');
    expect(JSON.parse(u2.view.private_metadata ?? '')).toEqual({ mine: 9, org: 0 });
    expect(renders).toEqual(['U1', 'U2']);
    expect(home.stats).toMatchObject({ requested: 11, published: 2, failed: 0 });
  });

  it('gives each person their own publish, paced to the burst and then the rate', async () => {
    const published = capturePublishes();
    const { home } = publisher();
    const users = Array.from({ length: 25 }, (_, i) => `U${String(i).padStart(3, '0')}`);
    for (const user of users) {
      content[user] = `home of ${user}`;
      home.request(client, user, { mine: 0, org: 0 });
    }
    await vi.advanceTimersByTimeAsync(0);
    // The burst (20) at once, the clock standing still; the rest one every 0.6 s (100 a minute).
    for (let i = 0; i < 2000 && published.length < HOME_PUBLISH_PACE.workspaceBurst; i += 1) await turn();
    for (let i = 0; i < 100; i += 1) await turn();
    expect(published).toHaveLength(HOME_PUBLISH_PACE.workspaceBurst);
    await settle(home, 5 * 600);
    expect(published.map((p) => p.user_id).sort()).toEqual(users);
    expect(published.every((p) => textOf(p) === `home of ${p.user_id}`)).toBe(true);
  });

  it('publishes once more after the one being built when the person opens the Home meanwhile', async () => {
    const published = capturePublishes();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { logger } = captureLogger();
    const home = new HomePublisher({
      render: async (_client, userId, pages) => {
        renders.push(userId);
        const text = content[userId] ?? 'empty';
        if (renders.length === 1) await held;
        return homeOf(text, pages);
      },
      logger,
    });
    content.U1 = 'before the report';
    home.request(client, 'U1', { mine: 0, org: 0 });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 2000 && renders.length === 0; i += 1) await turn();
    expect(renders).toEqual(['U1']);
    content.U1 = 'after the report';
    home.request(client, 'U1', { mine: 0, org: 0 });
    home.request(client, 'U1', { mine: 0, org: 0 });
    release();
    await settle(home);
    expect(published.map(textOf)).toEqual(['before the report', 'after the report']);
    expect(renders).toEqual(['U1', 'U1']);
  });

  it('does not publish the same Home again within the window, and does after it or when it changed', async () => {
    const published = capturePublishes();
    const { home } = publisher({ unchangedMs: 60_000 });
    content.U1 = 'same';
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home);
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home, 1000);
    expect(published).toHaveLength(1);
    expect(home.stats.unchanged).toBe(1);
    content.U1 = 'changed';
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home, 1000);
    expect(published.map(textOf)).toEqual(['same', 'changed']);
    await vi.advanceTimersByTimeAsync(60_000);
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home);
    expect(published.map(textOf)).toEqual(['same', 'changed', 'changed']);
  });

  it('logs a failed publish and still publishes the next request', async () => {
    const published = capturePublishes((n) => (n === 1 ? { ok: false, error: 'invalid_blocks' } : { ok: true }));
    const { home, lines } = publisher();
    content.U1 = 'first';
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home);
    const failure = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'home tab not published');
    expect(failure).toMatchObject({ level: 'error', user: 'U1', code: 'slack_webapi_platform_error' });
    // The failed view was never shown, so the same view is published, not skipped as unchanged.
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home);
    expect(published.map(textOf)).toEqual(['first', 'first']);
    expect(home.stats).toMatchObject({ published: 1, failed: 1, unchanged: 0 });
  });

  it('logs a failed build and goes on with the others', async () => {
    const published = capturePublishes();
    const { logger, lines } = captureLogger();
    const home = new HomePublisher({
      render: async (_client, userId, pages) => {
        if (userId === 'UBROKEN') throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return homeOf(`home of ${userId}`, pages);
      },
      logger,
    });
    home.request(client, 'UBROKEN', { mine: 0, org: 0 });
    home.request(client, 'U1', { mine: 0, org: 0 });
    await settle(home);
    expect(published.map((p) => p.user_id)).toEqual(['U1']);
    expect(lines.some((l) => l.includes('home tab not published') && l.includes('UBROKEN'))).toBe(true);
  });
});
