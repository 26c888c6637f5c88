import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventLoopDelay } from '../../bench/bot-process.js';
import { startThrottledSlack } from '../../bench/throttled-slack.js';

const probe = join(import.meta.dirname, '..', '..', 'bench', 'event-loop-probe.mjs');

describe('event-loop probe (bench/event-loop-probe.mjs)', () => {
  const child = spawn(
    process.execPath,
    ['--import', probe, '-e', 'process.stdout.write("ready\\n"); setInterval(() => {}, 1000)'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The probe is loaded before the script runs: once it says ready, SIGUSR2 is the probe's.
  const ready = new Promise<void>((resolve) => {
    child.stdout.once('data', () => resolve());
  });
  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('answers SIGUSR2 with the delay seen since the previous answer, in ms, and starts afresh', async () => {
    await ready;
    const first = await readEventLoopDelay(child);
    expect(first).toEqual({
      p50: expect.any(Number),
      p99: expect.any(Number),
      max: expect.any(Number),
      samples: expect.any(Number),
    });
    expect(first.p50).toBeGreaterThanOrEqual(0);
    expect(first.max).toBeGreaterThanOrEqual(first.p99);
    const second = await readEventLoopDelay(child);
    expect(second.max).toBeGreaterThanOrEqual(0);
    // The process is still running: the signal is the probe's, not the default that ends it.
    expect(child.exitCode).toBeNull();
  });
});

describe('throttled fake Slack: views.publish', () => {
  it('accepts a minute’s calls, then answers 429 with Retry-After, and counts per user', async () => {
    const slack = await startThrottledSlack({
      perSecondPerChannel: 1,
      workspaceRate: 20,
      workspaceBurst: 20,
      viewsPublishPerMinute: 2,
    });
    try {
      const publish = (user: string) =>
        fetch(`${slack.url}views.publish`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ user_id: user, view: '{"type":"home","blocks":[]}' }).toString(),
        });
      expect((await publish('U1')).status).toBe(200);
      expect((await publish('U1')).status).toBe(200);
      const refused = await publish('U2');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(slack.stats.viewsPublished).toBe(2);
      expect(slack.stats.viewsPublish429).toBe(1);
      expect([...slack.stats.viewsPublishedByUser]).toEqual([['U1', 2]]);
    } finally {
      await slack.close();
    }
  });
});
