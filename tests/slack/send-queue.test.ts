import { ErrorCode, WebClient } from '@slack/web-api';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { classifySlackError, SendFailure, SendQueue, type SendQueueOptions } from '../../src/slack/send-queue.js';
import { captureLogger } from '../helpers/context.js';

const FAST: SendQueueOptions = {
  channelIntervalMs: 0,
  workspacePerSecond: 1000,
  workspaceBurst: 1000,
  maxAttempts: 3,
  retryBaseMs: 20,
  concurrency: 4,
};

function client() {
  return new WebClient('xoxb-test', { rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
}

function post(c: WebClient, channel: string) {
  return () => c.chat.postMessage({ channel, text: 'hello' });
}

describe('SendQueue', () => {
  it('waits out a 429 Retry-After, then sends the message once', async () => {
    const times: number[] = [];
    const scope = nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(() => {
        times.push(Date.now());
        return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }];
      })
      .post('/api/chat.postMessage')
      .reply(() => {
        times.push(Date.now());
        return [200, { ok: true, channel: 'D1', ts: '1.1' }];
      });
    const { logger, lines } = captureLogger();
    const queue = new SendQueue({ ...FAST, logger });
    const started = Date.now();
    const result = await queue.send('U1', post(client(), 'U1'));
    const elapsed = Date.now() - started;
    expect(result.value.ts).toBe('1.1');
    expect(result.attempts).toBe(2);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(2500);
    expect(scope.isDone()).toBe(true);
    expect(lines.some((l) => l.includes('slack rate limited'))).toBe(true);
  });

  it('pauses every channel, not only the rate-limited one, during Retry-After', async () => {
    const times: Record<string, number> = {};
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'U1')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' })
      .post('/api/chat.postMessage', (b) => b.channel === 'U1')
      .reply(200, () => {
        times.U1 = Date.now();
        return { ok: true, channel: 'D1', ts: '1' };
      })
      .post('/api/chat.postMessage', (b) => b.channel === 'U2')
      .reply(200, () => {
        times.U2 = Date.now();
        return { ok: true, channel: 'D2', ts: '2' };
      });
    const queue = new SendQueue({ ...FAST, concurrency: 1 });
    const c = client();
    const started = Date.now();
    await Promise.all([queue.send('U1', post(c, 'U1')), queue.send('U2', post(c, 'U2'))]);
    expect((times.U1 ?? 0) - started).toBeGreaterThanOrEqual(1000);
    expect((times.U2 ?? 0) - started).toBeGreaterThanOrEqual(1000);
  });

  it('after a 429 resumes at half the sustained rate without a burst, and 429s use no attempts', async () => {
    const times: number[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(3)
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '0' })
      .post('/api/chat.postMessage')
      .times(4)
      .reply(200, () => {
        times.push(Date.now());
        return { ok: true, channel: 'D', ts: String(times.length) };
      });
    // Burst 10 at 20/s: without the 429s all four would go at once.
    const queue = new SendQueue({
      ...FAST,
      maxAttempts: 1,
      workspaceBurst: 10,
      workspacePerSecond: 20,
      rateLimitJitterMs: 0,
    });
    const c = client();
    const results = await Promise.all(['A', 'B', 'C', 'D'].map((ch) => queue.send(ch, post(c, ch))));
    expect(results.every((r) => r.value.ok)).toBe(true);
    // One pause (the three 429s came from the same burst) halved the rate to 10/s and emptied the
    // bucket: the three retries follow about 100 ms apart (at 20/s, or with a burst, 50 ms or 0).
    times.sort((a, b) => a - b);
    expect((times[3] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(150);
  });

  it('retries 5xx with backoff and succeeds', async () => {
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(503, 'unavailable')
      .post('/api/chat.postMessage')
      .reply(200, { ok: false, error: 'internal_error' })
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, channel: 'D1', ts: '9.9' });
    const queue = new SendQueue(FAST);
    const started = Date.now();
    const result = await queue.send('U1', post(client(), 'U1'));
    expect(result.attempts).toBe(3);
    // Backoff 20 ms then 40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
  });

  it('gives up after maxAttempts with a retryable failure (never silently)', async () => {
    const scope = nock('https://slack.com').post('/api/chat.postMessage').times(3).reply(500, 'boom');
    const queue = new SendQueue(FAST);
    const error = await queue.send('U1', post(client(), 'U1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ retryable: true, attempts: 3, reason: 'http_500' });
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry a permanent error', async () => {
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    const queue = new SendQueue(FAST);
    const error = await queue.send('U1', post(client(), 'U1')).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, attempts: 1, reason: 'channel_not_found' });
  });

  it('keeps the per-channel interval but sends to different channels side by side', async () => {
    nock('https://slack.com').post('/api/chat.postMessage').times(6).reply(200, { ok: true, channel: 'D', ts: '1' });
    const queue = new SendQueue({ ...FAST, channelIntervalMs: 200 });
    const c = client();
    // Start times as the queue lets each call go (what it controls; HTTP arrival adds jitter).
    const starts: { channel: string; at: number }[] = [];
    await Promise.all(
      ['A', 'A', 'A', 'B', 'B', 'B'].map((ch) =>
        queue.send(ch, () => {
          starts.push({ channel: ch, at: Date.now() });
          return post(c, ch)();
        }),
      ),
    );
    const a = starts.filter((t) => t.channel === 'A').map((t) => t.at);
    const b = starts.filter((t) => t.channel === 'B').map((t) => t.at);
    for (const series of [a, b]) {
      expect(series).toHaveLength(3);
      expect((series[1] ?? 0) - (series[0] ?? 0)).toBeGreaterThanOrEqual(190);
      expect((series[2] ?? 0) - (series[1] ?? 0)).toBeGreaterThanOrEqual(190);
    }
    // The two channels ran side by side: B did not wait for A's three messages.
    expect(Math.abs((b[0] ?? 0) - (a[0] ?? 0))).toBeLessThan(150);
  });

  it('limits the workspace rate after the burst', async () => {
    const times: number[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(5)
      .reply(200, () => {
        times.push(Date.now());
        return { ok: true, channel: 'D', ts: String(times.length) };
      });
    const queue = new SendQueue({ ...FAST, workspaceBurst: 2, workspacePerSecond: 10 });
    const c = client();
    const started = Date.now();
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((ch) => queue.send(ch, post(c, ch))));
    // Two at once, then one every 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(times).toHaveLength(5);
  });
});

describe('classifySlackError', () => {
  it('sorts Slack errors into wait, retry and give up', () => {
    expect(classifySlackError({ code: ErrorCode.RateLimitedError, retryAfter: 3 })).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 3000,
      reason: 'ratelimited',
    });
    expect(classifySlackError({ code: ErrorCode.HTTPError, statusCode: 502 }).kind).toBe('retryable');
    expect(classifySlackError({ code: ErrorCode.HTTPError, statusCode: 404 }).kind).toBe('permanent');
    expect(classifySlackError({ code: ErrorCode.RequestError, message: 'ECONNRESET' }).kind).toBe('retryable');
    expect(classifySlackError({ code: ErrorCode.PlatformError, data: { error: 'not_in_channel' } }).kind).toBe(
      'permanent',
    );
    expect(classifySlackError(new TypeError('bug')).kind).toBe('permanent');
  });
});
