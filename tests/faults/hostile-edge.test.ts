import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { SIGNING_SECRET, waitFor } from '../helpers/slack-driver.js';
import { assertBuilt, botEnvironment, type Child, cli, root, startChild } from './processes.js';

const MIB = 1024 * 1024;

/** A field of /proc/<pid>/status in bytes (VmRSS: resident now, VmHWM: the peak resident so far). */
function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) * 1024;
}

/**
 * Sends `total` bytes of an unsigned body (64 KiB chunks) over a raw connection (the test
 * process's HTTP client is wrapped by nock, which buffers what it is given), chunked or with its
 * Content-Length, as fast as the bot takes them; resolves with the status line answered and the
 * bytes the bot let the sender write before it closed the connection.
 */
function flood(url: string, total: number, chunked: boolean): Promise<{ status: string; written: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const data = Buffer.alloc(0x10000, '{');
    const chunk = chunked ? Buffer.concat([Buffer.from('10000\r\n'), data, Buffer.from('\r\n')]) : data;
    let written = 0;
    let answer = '';
    let closed = false;
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /slack/events HTTP/1.1\r\nHost: tracker\r\nContent-Type: application/json\r\n${
          chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${total}`
        }\r\n\r\n`,
      );
      pump();
    });
    const pump = () => {
      while (!closed && written < total) {
        written += data.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      if (!closed) socket.end(chunked ? '0\r\n\r\n' : '');
    };
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ status: answer.split('\r\n')[0] ?? '', written });
    });
  });
}

describe('the started bot under a 200 MB unsigned body', () => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let bot: Child;
  let url = '';

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('sqlite');
    fake = await startFakeSlack();
    bot = startChild(
      [cli, 'start'],
      botEnvironment({
        DATABASE_URL: database.url,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
      }),
    );
    await waitFor(() => /HTTP on :(\d+)/.test(bot.output()), 30_000);
    url = `http://127.0.0.1:${/HTTP on :(\d+)/.exec(bot.output())?.[1]}`;
  });
  afterAll(async () => {
    bot?.process.kill('SIGTERM');
    await bot?.exited;
    await fake?.close();
    await database?.destroy();
  });

  it('keeps its memory: the body is refused at the cap, chunked or announced, and /healthz answers', async () => {
    const pid = bot.process.pid as number;
    // Settle, then the baseline: resident memory of the idle, started bot.
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const baseline = procStatus(pid, 'VmRSS');
    const peakBefore = procStatus(pid, 'VmHWM');

    const announced = await flood(url, 200 * MIB, false);
    const chunked = await flood(url, 200 * MIB, true);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const peak = procStatus(pid, 'VmHWM');
    const after = procStatus(pid, 'VmRSS');
    console.log(
      JSON.stringify({
        baselineRssMiB: +(baseline / MIB).toFixed(1),
        peakRssBeforeMiB: +(peakBefore / MIB).toFixed(1),
        peakRssMiB: +(peak / MIB).toFixed(1),
        rssAfterMiB: +(after / MIB).toFixed(1),
        announced: { status: announced.status, writtenMiB: +(announced.written / MIB).toFixed(1) },
        chunked: { status: chunked.status, writtenMiB: +(chunked.written / MIB).toFixed(1) },
      }),
    );
    // Both were refused, and neither sender got to write its 200 MB: the bot stopped reading.
    expect(announced.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(chunked.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(announced.written).toBeLessThan(200 * MIB);
    expect(chunked.written).toBeLessThan(200 * MIB);
    // The bot held at most about the 1 MiB cap per request, not the body: far below 200 MB.
    expect(peak - baseline).toBeLessThan(32 * MIB);
    expect(bot.process.exitCode).toBeNull();
  });
});

describe('a start that cannot work exits non-zero with the reason', () => {
  let taken: Server;
  let takenPort = 0;
  let closedPort = 0;

  beforeAll(async () => {
    assertBuilt();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    takenPort = (taken.address() as { port: number }).port;
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    closedPort = (spare.address() as { port: number }).port;
    await new Promise((resolve) => spare.close(resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve));
  });

  const run = async (settings: Record<string, string>) => {
    const database = await createTestDatabase('sqlite');
    try {
      const child = startChild(
        [cli, 'start'],
        botEnvironment({ DATABASE_URL: database.url, SLACK_SIGNING_SECRET: SIGNING_SECRET, ...settings }),
      );
      const { code } = await child.exited;
      return { code, output: child.output() };
    } finally {
      await database.destroy();
    }
  };

  it('the port is taken and Slack unreachable: exits 1 naming the port', async () => {
    const { code, output } = await run({
      PORT: String(takenPort),
      SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`tracker start: cannot listen on port ${takenPort}: EADDRINUSE`);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('Slack unreachable: exits 1 naming the API URL and the error', async () => {
    const apiUrl = `http://127.0.0.1:${closedPort}/api/`;
    const { code, output } = await run({ PORT: '0', SLACK_API_URL: apiUrl });
    expect(code).toBe(1);
    expect(output).toContain(`tracker start: auth.test at ${apiUrl} failed:`);
    expect(output).toContain('ECONNREFUSED');
  });

  it('refuses DATABASE_URL=mysql://… and a user token before touching anything', async () => {
    const before = new Set(readdirSync(root));
    const { code, output } = await run({ DATABASE_URL: 'mysql://x', SLACK_BOT_TOKEN: 'xoxp-1-2-3' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL must be a SQLite file');
    expect(output).toContain('SLACK_BOT_TOKEN must be a bot token');
    // Read as a path, mysql://x used to become a SQLite file under the working directory.
    expect(readdirSync(root).filter((name) => !before.has(name))).toEqual([]);
    expect(existsSync(`${root}/mysql:`)).toBe(false);
  });
});
