import { WebAPIFileUploadInvalidArgumentsError } from '@slack/web-api';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createJobSlackClient } from '../../src/slack/job-client.js';
import { sendFailure } from '../../src/slack/send-failure.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { FAST_RETRIES, logged } from '../helpers/reminder-fixtures.js';

/** What the jobs' WebClient (three attempts, FAST_RETRIES) rejects a chat.postMessage with, classified. */
async function failureOf(reply: (scope: nock.Interceptor) => nock.Scope, times = 3) {
  const { logger, lines } = captureLogger();
  let calls = 0;
  const interceptor = nock('https://slack.com')
    .post('/api/chat.postMessage', () => {
      calls += 1;
      return true;
    })
    .times(times);
  const scope = reply(interceptor);
  const client = createJobSlackClient(testConfig(), logger, FAST_RETRIES);
  const error = await client.chat.postMessage({ channel: 'U1', text: 'hello' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(scope.isDone()).toBe(true);
  expect(error).not.toBeNull();
  return { failure: sendFailure(error), calls, lines };
}

describe('sendFailure, on what the WebClient rejects once its own retries are spent', () => {
  it('calls a refusal by Slack permanent, after one call (ok: false is not retried)', async () => {
    const { failure, calls } = await failureOf((i) => i.reply(200, { ok: false, error: 'channel_not_found' }), 1);
    expect(failure).toEqual({ reason: 'channel_not_found', retryable: false });
    expect(calls).toBe(1);
  });

  it("calls Slack's transient platform errors retryable", async () => {
    const { failure } = await failureOf((i) => i.reply(200, { ok: false, error: 'internal_error' }), 1);
    expect(failure).toEqual({ reason: 'internal_error', retryable: true });
  });

  it('calls a 5xx retryable once the client has retried it', async () => {
    const { failure, calls } = await failureOf((i) => i.reply(503, 'unavailable'));
    expect(failure).toEqual({ reason: 'http_503', retryable: true });
    expect(calls).toBe(3);
  });

  it('calls another 4xx permanent', async () => {
    const { failure } = await failureOf((i) => i.reply(404, 'not found'));
    expect(failure).toEqual({ reason: 'http_404', retryable: false });
  });

  it('calls a network error retryable', async () => {
    const { failure, calls } = await failureOf((i) => i.replyWithError('socket hang up'));
    expect(failure.retryable).toBe(true);
    expect(failure.reason).toMatch(/^network: /);
    expect(calls).toBe(3);
  });

  it('calls a call still rate limited after its retries retryable, each wait logged', async () => {
    const { failure, calls, lines } = await failureOf((i) =>
      i.reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '0' }),
    );
    expect(failure.retryable).toBe(true);
    expect(failure.reason).toContain('rate limit');
    expect(calls).toBe(3);
    expect(logged(lines, 'slack rate limited; client paused')).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ method: 'chat.postMessage', retryAfterMs: 0 })),
    );
  });

  it('calls upload arguments Slack cannot take permanent, and any other error retryable', () => {
    expect(sendFailure(new WebAPIFileUploadInvalidArgumentsError('file is required')).retryable).toBe(false);
    expect(sendFailure(new TypeError('fetch failed'))).toEqual({ reason: 'fetch failed', retryable: true });
    expect(sendFailure('odd')).toEqual({ reason: 'odd', retryable: true });
  });
});
