import type { KnownBlock, WebClient } from '@slack/web-api';
import nock from 'nock';
import type { Config } from '../../src/config.js';
import { createJobSlackClient } from '../../src/slack/job-client.js';
import { captureLogger, type TestConfigOverrides, testConfig } from './context.js';
import { FAST_DELIVERY, FAST_RETRIES } from './reminder-fixtures.js';

/** A Web API client as the jobs runner builds it, with FAST_RETRIES. */
export function jobSlackClient(): WebClient {
  return createJobSlackClient(testConfig(), captureLogger().logger, FAST_RETRIES);
}

export function digestTestConfig(databaseUrl: string, overrides: TestConfigOverrides = {}): Config {
  return testConfig({
    databaseUrl,
    ...overrides,
    delivery: { ...FAST_DELIVERY, ...overrides.delivery },
  });
}

/** A Web API form body as an object (nock hands over urlencoded bodies parsed or raw, by version). */
export function formBody(body: unknown): Record<string, string> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  return body as Record<string, string>;
}

export interface PostedMessage {
  channel: string;
  text: string;
  threadTs: string | undefined;
  blocks: KnownBlock[];
  ts: string;
}

/**
 * Intercepts chat.postMessage calls and records them; each gets a fresh ts. `fail` answers
 * ok:false with that error for the channels it names.
 */
export function recordPosts(options: { times?: number; fail?: Record<string, string> } = {}): PostedMessage[] {
  const posts: PostedMessage[] = [];
  let counter = 0;
  nock('https://slack.com')
    .post('/api/chat.postMessage')
    .times(options.times ?? 1)
    .reply((_uri, body) => {
      const form = formBody(body);
      const channel = form.channel ?? '';
      const failure = options.fail?.[channel];
      if (failure) return [200, { ok: false, error: failure }];
      counter += 1;
      const ts = `1764460800.${String(counter).padStart(6, '0')}`;
      posts.push({
        channel,
        text: form.text ?? '',
        threadTs: form.thread_ts,
        blocks: JSON.parse(form.blocks ?? '[]') as KnownBlock[],
        ts,
      });
      return [200, { ok: true, channel, ts, message: { ts } }];
    });
  return posts;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface UploadRecord {
  bytes: number;
  signature: Buffer | null;
  complete: Record<string, string> | null;
  filename: string | null;
  /** files.uploadV2 sends the alt text with the upload URL request. */
  altText: string | null;
}

/** Intercepts the three steps of files.uploadV2 and records what was uploaded and where it was shared. */
export function recordUpload(): UploadRecord {
  const record: UploadRecord = { bytes: 0, signature: null, complete: null, filename: null, altText: null };
  nock('https://slack.com')
    .post('/api/files.getUploadURLExternal')
    .reply((_uri, body) => {
      const form = formBody(body);
      record.filename = form.filename ?? null;
      record.altText = form.alt_text ?? null;
      return [200, { ok: true, upload_url: 'https://files.slack.com/upload/v1/ABC123', file_id: 'F0CHART001' }];
    });
  nock('https://files.slack.com')
    .post('/upload/v1/ABC123')
    .reply((_uri, body) => {
      // The bytes arrive as multipart/form-data, which nock hands over hex-encoded.
      const raw = typeof body === 'string' ? Buffer.from(body, 'hex') : Buffer.from(JSON.stringify(body));
      const png = raw.indexOf(PNG_SIGNATURE);
      record.bytes = raw.length;
      record.signature = png >= 0 ? raw.subarray(png, png + 8) : null;
      return [200, 'OK'];
    });
  nock('https://slack.com')
    .post('/api/files.completeUploadExternal')
    .reply((_uri, body) => {
      record.complete = formBody(body);
      return [200, { ok: true, files: [{ id: 'F0CHART001', title: 'digest' }] }];
    });
  return record;
}
