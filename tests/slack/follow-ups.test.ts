import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowUps } from '../../src/slack/follow-ups.js';
import { captureLogger } from '../helpers/context.js';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FollowUps', () => {
  it('runs at most its concurrency at once, in the order queued', async () => {
    const { logger } = captureLogger();
    const followUps = new FollowUps(logger, { concurrency: 2 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    gates.forEach((g, i) => {
      followUps.run(`task ${i}`, async () => {
        started.push(i);
        await g.opened;
      });
    });
    await tick();
    expect(started).toEqual([0, 1]);
    expect(followUps.size).toBe(4);
    gates[1]?.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await followUps.idle();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(followUps.size).toBe(0);
  });

  it('logs a failed follow-up by name and goes on with the next', async () => {
    const { logger, lines } = captureLogger();
    const followUps = new FollowUps(logger, { concurrency: 1 });
    let ran = false;
    followUps.run('receipt', async () => {
      throw new Error('channel_not_found');
    });
    followUps.run('channel post', async () => {
      ran = true;
    });
    await followUps.idle();
    expect(ran).toBe(true);
    const failure = lines.map((line) => JSON.parse(line)).find((l) => l.msg === 'follow-up failed');
    expect(failure).toMatchObject({ level: 'error', followUp: 'receipt' });
    expect(JSON.stringify(failure)).toContain('channel_not_found');
  });

  it('counts a follow-up whose input is still coming as queued, without a running slot', async () => {
    const { logger } = captureLogger();
    const followUps = new FollowUps(logger, { concurrency: 1 });
    const input = gate();
    const ran: string[] = [];
    followUps.runAfter(
      'late',
      input.opened.then(() => 'stored'),
      async (value) => {
        ran.push(`late: ${value}`);
      },
    );
    followUps.run('other', async () => {
      ran.push('other');
    });
    await tick();
    // The one slot went to the follow-up that could run; the late one still counts.
    expect(ran).toEqual(['other']);
    expect(followUps.size).toBe(1);
    expect(await followUps.drain(20)).toBe(1);
    let idle = false;
    void followUps.idle().then(() => {
      idle = true;
    });
    input.open();
    await followUps.idle();
    expect(idle).toBe(true);
    expect(ran).toEqual(['other', 'late: stored']);
    expect(followUps.size).toBe(0);
  });

  it('logs a follow-up whose input failed, and is idle afterwards', async () => {
    const { logger, lines } = captureLogger();
    const followUps = new FollowUps(logger);
    followUps.runAfter('late', Promise.reject(new Error('write failed')), async () => {
      throw new Error('must not run');
    });
    await followUps.idle();
    expect(followUps.size).toBe(0);
    expect(lines.some((l) => l.includes('follow-up failed') && l.includes('late'))).toBe(true);
    expect(lines.some((l) => l.includes('must not run'))).toBe(false);
  });

  it('drains what finishes in time and reports how many were left', async () => {
    const { logger } = captureLogger();
    const followUps = new FollowUps(logger, { concurrency: 1 });
    const stuck = gate();
    followUps.run('quick', async () => {});
    followUps.run('stuck', () => stuck.opened);
    followUps.run('behind the stuck one', async () => {});
    expect(await followUps.drain(50)).toBe(2);
    stuck.open();
    expect(await followUps.drain(1000)).toBe(0);
  });

  describe('while answers are pending', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('holds follow-ups until the last pending answer is sent, then runs them in order', async () => {
      const { logger } = captureLogger();
      const followUps = new FollowUps(logger, { concurrency: 4 });
      const first = followUps.answering();
      const second = followUps.answering();
      const started: string[] = [];
      followUps.run('receipt', async () => {
        started.push('receipt');
      });
      followUps.run('channel post', async () => {
        started.push('channel post');
      });
      await tick();
      expect(started).toEqual([]);
      first();
      // Called again, it must not count for the other request.
      first();
      await tick();
      expect(started).toEqual([]);
      second();
      await followUps.idle();
      expect(started).toEqual(['receipt', 'channel post']);
    });

    it('starts a held follow-up anyway once it has waited maxHoldMs', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let clock = 1_000;
      const { logger } = captureLogger();
      const followUps = new FollowUps(logger, { maxHoldMs: 5_000, now: () => clock });
      followUps.answering(); // never answered: a stuck request must not hold receipts forever
      const started: string[] = [];
      followUps.run('receipt', async () => {
        started.push('receipt');
      });
      clock += 2_000;
      followUps.run('later receipt', async () => {
        started.push('later receipt');
      });
      clock += 2_999;
      vi.advanceTimersByTime(4_999);
      await tick();
      expect(started).toEqual([]);
      clock += 1;
      vi.advanceTimersByTime(1);
      await tick();
      expect(started).toEqual(['receipt']);
      clock += 2_000;
      vi.advanceTimersByTime(2_000);
      await tick();
      expect(started).toEqual(['receipt', 'later receipt']);
      expect(followUps.size).toBe(0);
    });

    it('runs follow-ups at once when no answer is pending', async () => {
      const { logger } = captureLogger();
      const followUps = new FollowUps(logger);
      followUps.answering()();
      let ran = false;
      followUps.run('receipt', async () => {
        ran = true;
      });
      await tick();
      expect(ran).toBe(true);
    });
  });
});
