import { describe, expect, it } from 'vitest';
import { type AppLogger, createLogger, LogLevel } from '../src/logger.js';

const BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const APP = 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef';
const USER = 'xoxp-1234567890-1234567890-1234567890-0123456789abcdef0123456789abcdef';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DB_PASSWORD = 'p4ssw0rd-for-db';
const TOKENS = [BOT, APP, USER];
const ALL = [...TOKENS, SECRET, DB_PASSWORD];
/** The distinctive tail of each secret: the part that must never be written. */
const tails = ALL.map((s) => s.slice(6));

function capture(options: { level?: string; secrets?: (string | undefined)[] } = {}): {
  logger: AppLogger;
  lines: string[];
} {
  const lines: string[] = [];
  const logger = createLogger({ ...options, write: (line) => lines.push(line) });
  return { logger, lines };
}

function expectClean(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    for (const tail of tails) expect(line).not.toContain(tail);
  }
}

describe('createLogger: redaction of Slack tokens (by pattern)', () => {
  it.each([
    ['bot', BOT],
    ['app', APP],
    ['user', USER],
  ])('masks a %s token in a message', (_kind, token) => {
    const { logger, lines } = capture();
    logger.info(`calling auth.test with ${token} now`);
    logger.event('warn', `token=${token}`);
    expectClean(lines);
    expect(lines[0]).toContain('[REDACTED]');
  });

  it('masks tokens in fields, nested fields and arrays', () => {
    const { logger, lines } = capture();
    logger.event('info', 'request', {
      token: BOT,
      headers: { Authorization: `Bearer ${USER}` },
      list: [APP, { deep: { deeper: BOT } }],
    });
    expectClean(lines);
  });

  it('masks tokens in Error objects passed as fields or as arguments', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error(`invalid_auth for ${BOT}`), { code: APP });
    logger.event('error', 'failed', { error, nested: { cause: new Error(USER) } });
    logger.error(error);
    logger.warn('failed:', new Error(`token ${USER}`));
    expectClean(lines);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ error: { name: 'Error' } });
  });

  it('masks tokens in objects passed to the Bolt-style methods', () => {
    const { logger, lines } = capture();
    logger.debug('payload', { token: BOT, authorization: `Bearer ${USER}` }, [APP]);
    logger.info({ appToken: APP });
    expectClean(lines);
  });

  it('masks tokens that are quoted, in URLs and next to punctuation', () => {
    const { logger, lines } = capture();
    logger.info(`"${BOT}" '${APP}' (${USER}) https://slack.com/api/x?token=${BOT}&y=1 <${APP}>`);
    expectClean(lines);
  });

  // BUG (src/logger.ts): TOKEN_PATTERN starts with \b and is applied to the JSON line, where a
  // newline or tab has become the two characters \n / \t; "n" or "t" before "xoxb-" is a word
  // character, so there is no word boundary and the whole token is written out.
  it('masks a token that follows a newline or tab (JSON escapes must not hide it)', () => {
    const { logger, lines } = capture();
    logger.info(`request failed:\n${BOT}`);
    logger.event('warn', 'dump', { body: `first line\n${USER}`, tabbed: `key:\t${APP}` });
    expectClean(lines);
  });
});

describe('createLogger: configured secrets', () => {
  it('masks configured secrets anywhere in a line', () => {
    const { logger, lines } = capture({ secrets: [SECRET, DB_PASSWORD, undefined] });
    logger.info(`signing secret is ${SECRET}`);
    logger.event('info', 'db', { url: `postgresql://tracker:${DB_PASSWORD}@db/tracker` });
    logger.error(new Error(`bad ${SECRET}`));
    logger.event('error', 'boom', { error: new Error(`x${DB_PASSWORD}y`) });
    expectClean(lines);
    expect(lines).toHaveLength(4);
  });

  it('masks configured secrets that start a new line', () => {
    const { logger, lines } = capture({ secrets: [SECRET] });
    logger.info(`signing secret:\n${SECRET}`);
    expectClean(lines);
  });

  it('masks configured tokens even in field names', () => {
    const { logger, lines } = capture({ secrets: [BOT] });
    logger.event('info', 'odd', { [BOT]: true });
    expectClean(lines);
  });
});

describe('createLogger: levels', () => {
  it('defaults to info', () => {
    const { logger, lines } = capture();
    logger.debug('hidden');
    logger.event('debug', 'hidden');
    logger.info('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });

  it('filters below the configured level', () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    logger.event('info', 'ei');
    logger.event('error', 'ee');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['w', 'e', 'ee']);
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error', 'error']);
  });

  it('does not even read the arguments of a line below the level (Bolt logs objects per request)', () => {
    const { logger, lines } = capture({ level: 'warn' });
    let reads = 0;
    const payload = {
      get body() {
        reads += 1;
        return 'x'.repeat(1000);
      },
    };
    logger.debug('request', payload);
    logger.info(payload);
    expect(reads).toBe(0);
    logger.warn('request', payload);
    expect(reads).toBe(1);
    expect(lines).toHaveLength(1);
  });

  it('changes level with setLevel and reports it with getLevel', () => {
    const { logger, lines } = capture({ level: 'error' });
    logger.info('before');
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    logger.debug('after');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['after']);
  });

  it('uses the name given with setName', () => {
    const { logger, lines } = capture();
    logger.info('a');
    logger.setName('bolt-app');
    logger.info('b');
    expect(lines.map((l) => JSON.parse(l).name)).toEqual(['tracker', 'bolt-app']);
  });
});

describe('createLogger: format', () => {
  it('writes one JSON object per line', () => {
    const { logger, lines } = capture({ level: 'debug' });
    logger.info('multi\nline\r\nmessage');
    logger.event('info', 'fields', { text: 'a\nb', n: 1, ok: true, nothing: null });
    logger.warn('several', 'args', 2, { x: 1 });
    logger.error(new Error('boom\nboom'));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      const parsed: unknown = JSON.parse(line);
      expect(typeof parsed).toBe('object');
      expect(parsed).not.toBeNull();
      expect(Array.isArray(parsed)).toBe(false);
    }
  });

  it('writes time, level, name, message and fields', () => {
    const { logger, lines } = capture();
    logger.event('info', 'tracker started', { mode: 'socket', port: 3000 });
    const parsed = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(parsed).toMatchObject({
      level: 'info',
      name: 'tracker',
      msg: 'tracker started',
      mode: 'socket',
      port: 3000,
    });
    expect(new Date(String(parsed.time)).toISOString()).toBe(parsed.time);
  });

  it('joins Bolt-style arguments into the message', () => {
    const { logger, lines } = capture();
    logger.warn('count', 3, { a: 1 }, new Error('bad'));
    expect(JSON.parse(lines[0] ?? '').msg).toBe('count 3 {"a":1} bad');
  });

  it('serialises an Error field as name, message and code only', () => {
    const { logger, lines } = capture();
    logger.event('error', 'failed', { error: Object.assign(new TypeError('nope'), { code: 'E_X' }) });
    expect(JSON.parse(lines[0] ?? '').error).toEqual({ name: 'TypeError', message: 'nope', code: 'E_X' });
  });
});
