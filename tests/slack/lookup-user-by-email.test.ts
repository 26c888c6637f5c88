import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { LOOKUP_BY_EMAIL_PACE, lookupUserByEmail } from '../../src/slack/lookup-user-by-email.js';
import type { Clock } from '../../src/slack/send-queue.js';

/** A clock the test moves by hand; timers fire when it passes their time. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.callback();
    },
  };
}

describe('lookupUserByEmail', () => {
  it('keeps Tier 3 pace: a burst of 20, then about 50 a minute', async () => {
    const clock = manualClock();
    const asked: number[] = [];
    nock('https://slack.com')
      .persist()
      .post('/api/users.lookupByEmail')
      .reply(200, (_uri, body) => {
        asked.push(clock.now());
        const email = String(new URLSearchParams(String(body)).get('email'));
        return { ok: true, user: { id: `U0${email.slice(1, 3)}X`, profile: { display_name: email } } };
      });
    const lookup = lookupUserByEmail(new WebClient('xoxb-test', { retryConfig: { retries: 0 } }), clock);
    const all = Promise.all(Array.from({ length: 25 }, (_, i) => lookup(`p${String(i).padStart(2, '0')}@example.jp`)));
    await vi.waitFor(() => expect(asked).toHaveLength(LOOKUP_BY_EMAIL_PACE.workspaceBurst));
    // The five beyond the burst each wait for a token: 60 s / 50 = 1.2 s apart.
    for (let n = 21; n <= 25; n++) {
      clock.advance(1199);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(asked).toHaveLength(n - 1);
      clock.advance(1);
      await vi.waitFor(() => expect(asked).toHaveLength(n));
    }
    expect(asked.slice(20)).toEqual([1200, 2400, 3600, 4800, 6000]);
    const found = await all;
    expect(found[3]).toEqual({ slackUserId: 'U003X', displayName: 'p03@example.jp' });
  });

  it('answers null for users_not_found and throws any other error', async () => {
    nock('https://slack.com').post('/api/users.lookupByEmail').reply(200, { ok: false, error: 'users_not_found' });
    const lookup = lookupUserByEmail(new WebClient('xoxb-test', { retryConfig: { retries: 0 } }));
    expect(await lookup('gone@example.jp')).toBeNull();
    nock('https://slack.com').post('/api/users.lookupByEmail').reply(200, { ok: false, error: 'invalid_auth' });
    await expect(lookup('a@example.jp')).rejects.toThrow(/invalid_auth/);
    // Once one lookup failed that way, the others fail with it without asking Slack.
    await expect(lookup('b@example.jp')).rejects.toThrow(/invalid_auth/);
  });
});
