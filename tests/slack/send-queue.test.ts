import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendQueue, type SendQueueOptions, sendQueueFor } from '../../src/slack/send-queue.js';

const OPEN: SendQueueOptions = {
  channelIntervalMs: 0,
  workspacePerSecond: 1000,
  workspaceBurst: 1000,
  concurrency: 4,
};

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('SendQueue (fake timers)', () => {
  let t0 = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    t0 = Date.now();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Queues one call per channel named; each records when (ms after t0) the queue started it. */
  function sendAll(queue: SendQueue, channels: string[], call: () => Promise<unknown> = async () => 'ok') {
    const starts: { channel: string; at: number }[] = [];
    const done = Promise.all(
      channels.map((channel) =>
        queue.send(channel, () => {
          starts.push({ channel, at: Date.now() - t0 });
          return call();
        }),
      ),
    );
    return { starts, done };
  }

  const startsOf = (starts: { channel: string; at: number }[], channel: string) =>
    starts.filter((s) => s.channel === channel).map((s) => s.at);

  it('keeps the per-channel interval and sends to different channels side by side', async () => {
    const queue = new SendQueue({ ...OPEN, channelIntervalMs: 1000 });
    const { starts, done } = sendAll(queue, ['A', 'A', 'A', 'B', 'B', 'B']);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([
      { channel: 'A', at: 0 },
      { channel: 'B', at: 0 },
    ]);
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(startsOf(starts, 'A')).toEqual([0, 1000, 2000]);
    expect(startsOf(starts, 'B')).toEqual([0, 1000, 2000]);
    expect(queue.size).toBe(0);
  });

  it('keeps one call in flight per channel, in the order queued', async () => {
    const queue = new SendQueue(OPEN);
    const slow = gate();
    const order: string[] = [];
    const first = queue.send('A', async () => {
      order.push('A1');
      await slow.opened;
    });
    const second = queue.send('A', async () => {
      order.push('A2');
    });
    const other = queue.send('B', async () => {
      order.push('B1');
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(order).toEqual(['A1', 'B1']);
    slow.open();
    await Promise.all([first, second, other]);
    expect(order).toEqual(['A1', 'B1', 'A2']);
  });

  it('sends a burst at once, then at the workspace rate', async () => {
    const queue = new SendQueue({ ...OPEN, workspaceBurst: 2, workspacePerSecond: 10 });
    const { starts, done } = sendAll(queue, ['A', 'B', 'C', 'D', 'E']);
    await vi.advanceTimersByTimeAsync(299);
    expect(starts.map((s) => s.at)).toEqual([0, 0, 100, 200]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(starts.map((s) => s.at)).toEqual([0, 0, 100, 200, 300]);
  });

  it('starts at most `concurrency` calls at once, so a client waiting out a 429 holds the queue too', async () => {
    const queue = new SendQueue({ ...OPEN, concurrency: 2 });
    const held = [gate(), gate()];
    let next = 0;
    const { starts, done } = sendAll(queue, ['A', 'B', 'C'], async () => {
      const g = held[next++];
      if (g) await g.opened;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts.map((s) => s.channel)).toEqual(['A', 'B']);
    held[0]?.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(starts.map((s) => s.channel)).toEqual(['A', 'B', 'C']);
    held[1]?.open();
    await done;
    expect(queue.size).toBe(0);
  });

  it('settles as the call does: its value, or its error unchanged', async () => {
    const queue = new SendQueue(OPEN);
    const refused = new WebAPIPlatformError({ ok: false, error: 'channel_not_found' });
    const ok = queue.send('A', async () => ({ ok: true, ts: '1.1' }));
    const failed = queue.send('B', async () => {
      throw refused;
    });
    await Promise.all([expect(ok).resolves.toEqual({ ok: true, ts: '1.1' }), expect(failed).rejects.toBe(refused)]);
    // A failed call leaves the queue free for the next one.
    expect(queue.size).toBe(0);
    await expect(queue.send('B', async () => 'next')).resolves.toBe('next');
  });
});

describe('sendQueueFor', () => {
  it('gives every job of a process the same queue for the same client', () => {
    const client = new WebClient('xoxb-test');
    const queue = sendQueueFor(client, OPEN);
    expect(sendQueueFor(client, OPEN)).toBe(queue);
    expect(sendQueueFor(new WebClient('xoxb-test'), OPEN)).not.toBe(queue);
  });
});
