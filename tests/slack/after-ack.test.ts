import { afterEach, describe, expect, it, vi } from 'vitest';
import { AfterAckQueue } from '../../src/slack/after-ack.js';
import { captureLogger } from '../helpers/context.js';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AfterAckQueue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at most its concurrency at once, in the order queued', async () => {
    const { logger } = captureLogger();
    const queue = new AfterAckQueue(logger, 2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    gates.forEach((g, i) => {
      queue.run(`task ${i}`, async () => {
        started.push(i);
        await g.opened;
      });
    });
    await tick();
    expect(started).toEqual([0, 1]);
    expect(queue.size).toBe(4);
    gates[1]?.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await queue.drain(1000)).toBe(0);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  it('logs a failed task by name and goes on with the next', async () => {
    const { logger, lines } = captureLogger();
    const queue = new AfterAckQueue(logger, 1);
    let ran = false;
    queue.run('receipt', async () => {
      throw new Error('channel_not_found');
    });
    queue.run('channel post', async () => {
      ran = true;
    });
    expect(await queue.drain(1000)).toBe(0);
    expect(ran).toBe(true);
    const failure = lines.map((line) => JSON.parse(line)).find((l) => l.msg === 'after-ack task failed');
    expect(failure).toMatchObject({ level: 'error', task: 'receipt' });
    expect(JSON.stringify(failure)).toContain('channel_not_found');
  });

  it('counts a task whose input is still coming, without taking a slot', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { logger } = captureLogger();
    const queue = new AfterAckQueue(logger, 1);
    const input = gate();
    const ran: string[] = [];
    queue.runAfter(
      'late',
      input.opened.then(() => 'stored'),
      async (value) => {
        ran.push(`late: ${value}`);
      },
    );
    queue.run('other', async () => {
      ran.push('other');
    });
    await tick();
    // The one slot went to the task that could run; the late one still counts.
    expect(ran).toEqual(['other']);
    expect(queue.size).toBe(1);
    const draining = queue.drain(20);
    await vi.advanceTimersByTimeAsync(20);
    expect(await draining).toBe(1);
    input.open();
    expect(await queue.drain(1000)).toBe(0);
    expect(ran).toEqual(['other', 'late: stored']);
  });

  it('logs a task whose input failed, without running it', async () => {
    const { logger, lines } = captureLogger();
    const queue = new AfterAckQueue(logger);
    queue.runAfter('late', Promise.reject(new Error('write failed')), async () => {
      throw new Error('must not run');
    });
    expect(await queue.drain(1000)).toBe(0);
    expect(lines.some((l) => l.includes('after-ack task failed') && l.includes('write failed'))).toBe(true);
    expect(lines.some((l) => l.includes('must not run'))).toBe(false);
  });

  it('drains what finishes in time, including tasks queued meanwhile, and reports how many were left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { logger } = captureLogger();
    const queue = new AfterAckQueue(logger, 1);
    const stuck = gate();
    const ran: string[] = [];
    queue.run('stuck', async () => {
      await stuck.opened;
      // Queued while a drain is under way (a late outcome queues its receipt): drained too.
      queue.run('queued by the stuck one', async () => {
        await tick();
        ran.push('queued by the stuck one');
      });
    });
    queue.run('behind the stuck one', async () => {
      ran.push('behind the stuck one');
    });
    const draining = queue.drain(50);
    await vi.advanceTimersByTimeAsync(50);
    expect(await draining).toBe(2);
    expect(ran).toEqual([]);
    const rest = queue.drain(1000);
    stuck.open();
    expect(await rest).toBe(0);
    expect(ran).toEqual(['behind the stuck one', 'queued by the stuck one']);
  });
});
