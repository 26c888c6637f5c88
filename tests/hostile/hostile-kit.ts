import fc from 'fast-check';
import nock from 'nock';
import { AUTH_TEST_ANSWER, BOTS_INFO_ANSWER, decodeSlackBody } from '../helpers/slack-driver.js';

/** Everything the app sent to Slack during a test, decoded. */
export interface SlackTraffic {
  posts: Record<string, unknown>[];
  views: Record<string, unknown>[];
  /** Bodies posted to response_url (respond()). */
  responses: unknown[];
  /** Number of calls of any kind so far: work that finishes after the ack shows up here. */
  total(): number;
}

/**
 * Answers ok for every Web API method the listeners call and for every response_url, recording
 * the bodies. Persistent interceptors; the global afterEach (tests/helpers/setup.ts) removes them,
 * so call this in beforeEach.
 */
export function interceptSlack(): SlackTraffic {
  const traffic: SlackTraffic = {
    posts: [],
    views: [],
    responses: [],
    total: () => traffic.posts.length + traffic.views.length + traffic.responses.length,
  };
  const api = nock('https://slack.com').persist();
  api.post('/api/auth.test').reply(200, AUTH_TEST_ANSWER);
  api.post('/api/bots.info').reply(200, BOTS_INFO_ANSWER);
  api.post('/api/users.info').reply(200, { ok: true, user: { locale: 'ja-JP' } });
  api.post('/api/views.open').reply(200, (_uri, body) => {
    traffic.views.push(decodeSlackBody(body));
    return { ok: true, view: { id: 'V0HOSTILE' } };
  });
  api.post('/api/chat.postMessage').reply(200, (_uri, body) => {
    const decoded = decodeSlackBody(body);
    traffic.posts.push(decoded);
    return { ok: true, channel: decoded.channel, ts: '1700000000.000100' };
  });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      traffic.responses.push(body);
      return 'ok';
    });
  return traffic;
}

/** Every string Slack reads as mrkdwn: `text` fields anywhere except inside plain_text objects. */
function mrkdwnTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) mrkdwnTexts(item, out);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'plain_text') return out;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else mrkdwnTexts(value, out);
    }
  }
  return out;
}

/**
 * Slack control sequences in the mrkdwn of a message the bot sent: broadcasts (<!here>,
 * <!channel>, <!everyone>, <!subteam^…>), links (<https://…|x>) and channel links can only come
 * from unescaped user text; user mentions are allowed for the given ids only (the bot names the
 * reporter and owners). Plain-text fields are skipped: Slack shows them literally.
 */
export function injections(body: unknown, allowedMentions: string[]): string[] {
  const found: string[] = [];
  for (const text of mrkdwnTexts(body)) {
    for (const m of text.matchAll(/<(![^>]*|#[^>]*|https?:[^>]*|mailto:[^>]*)>?/g)) found.push(m[0].slice(0, 40));
    for (const m of text.matchAll(/<@([^>|]*)/g)) {
      if (!allowedMentions.includes(m[1] ?? '')) found.push(m[0].slice(0, 40));
    }
  }
  return found;
}

const NASTY = [
  '<!here>',
  '<!channel>',
  '<!everyone>',
  '<!subteam^S012345|@team>',
  '<@U123>',
  '<@UMGR00001>',
  '<#C0SEISAKU1>',
  '<https://evil.example|x>',
  '<mailto:a@evil.example|mail>',
  '&lt;!here&gt;',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '-1e-400',
  '0x1F',
  '４２',
  '1,000',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '\r\n\t',
  '\u202Eevil\u202C',
  '\u200F\u0627\u0644\u062A\u0642\u062F\u0645\u200E',
  '\u05E2\u05D1\u05E8\u05D9\u05EA',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0302\u0303\u0304\u0305\u0306',
  'Z̴̧̛̙͈a̶̗͐l̷̞̈g̸̱̓o̵̲͊',
  '\uFEFF',
  '\uD800',
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder typed as text is the point.
  '${process.exit()}',
  '{query}',
  '{departments}',
  '\'; DROP TABLE "ProgressUpdate"; --',
  '*bold* _it_ ~s~ `code` ```block```',
  '> quote',
  'SK-1',
  'seisaku',
  '政策経営部',
  '総務部',
  ' ',
];

/** Text a hostile or careless user might type: Slack syntax, odd numbers, control and bidi characters, emoji. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY, 'あ', 'x'), fc.integer({ min: 1000, max: 10_000 }))
      .map(([piece, length]) => piece.repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length)),
  },
);

/** Anything JSON can carry, for fields that should hold a string. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** GET /healthz status. */
export async function health(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`)).status;
}

/** Waits until f() is true, polling briefly; resolves false on timeout instead of throwing. */
export async function eventually(f: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const start = Date.now();
  while (!f()) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}
