import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import {
  INSTALLATION,
  interactionBody,
  loadFixture,
  startTestApp,
  type TestApp,
  viewSubmission,
} from '../helpers/slack-driver.js';
import { health, interceptSlack } from '../hostile/hostile-kit.js';

const FORM = 'application/x-www-form-urlencoded';
const MIB = 1024 * 1024;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** POSTs headers announcing `length` bytes and sends none of them; resolves with the status Slack's sender would get. */
function announce(url: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(length) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/**
 * Streams a chunked body of 64 KiB chunks over a raw connection, without end, until the server
 * closes the connection or `limit` bytes have gone out; resolves with the status line the server
 * sent (if any), the bytes written and whether the server closed the connection.
 */
function stream(url: string, limit: number): Promise<{ status: string; written: number; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunk = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 'a'), Buffer.from('\r\n')]);
    let written = 0;
    let answer = '';
    let closed = false;
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        'POST /slack/events HTTP/1.1\r\nHost: tracker\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      pump();
    });
    const pump = () => {
      while (!closed && written < limit) {
        written += 0x10000;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      if (!closed) {
        socket.destroy();
        resolve({ status: answer.split('\r\n')[0] ?? '', written, closed });
      }
    };
    socket.on('data', (data) => {
      answer += data.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ status: answer.split('\r\n')[0] ?? '', written, closed });
    });
  });
}

describe('the request guard (HTTP mode)', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
    app = await startTestApp(database, { now: () => new Date('2026-11-20T01:00:00Z') });
  });
  beforeEach(() => {
    interceptSlack();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  const stored = () => database.db.progressUpdate.count();
  const report = (overrides: Record<string, unknown> = {}) =>
    interactionBody({
      ...viewSubmission({
        userId: 'USTAFF001',
        callbackId: 'progress_submit',
        privateMetadata: JSON.stringify({ v: 1, targetId: org.targets.sk1 }),
        values: {
          target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
          status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
          comment: { comment: { type: 'plain_text_input', value: '順調です' } },
        },
      }),
      ...overrides,
    });

  it('refuses a body announced above the cap (1 MiB) at once, before any of it is sent', async () => {
    expect(await announce(app.url, MIB + 1)).toBe(413);
    expect(await announce(app.url, 200 * MIB)).toBe(413);
    expect(await health(app.url)).toBe(200);
  });

  it('stops reading a chunked body once it passes the cap, and closes the connection', async () => {
    // Were the body read to its end, the sender would write all 64 MiB and then wait for an answer.
    const result = await stream(app.url, 64 * MIB);
    expect(result.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(result.closed).toBe(true);
    expect(result.written).toBeLessThan(64 * MIB);
    expect(await health(app.url)).toBe(200);
  });

  it('accepts a signed body just under the cap', async () => {
    const filler = 'x'.repeat(MIB - 2000);
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', filler });
    const res = await app.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toContain('c-123');
  });

  it('verifies the signature before parsing anything: an unsigned JSON null is 401, signed it is 400', async () => {
    expect((await app.post('null', 'application/json', { unsigned: true })).status).toBe(401);
    expect((await app.post('payload=null', FORM, { unsigned: true })).status).toBe(401);
    expect((await app.post('null', 'application/json')).status).toBe(400);
  });

  it('refuses a signed request stamped more than five minutes in the future or the past', async () => {
    const before = await stored();
    for (const offset of [6 * 60, 60 * 60, -6 * 60]) {
      expect((await app.post(report(), FORM, { timestamp: nowSeconds() + offset })).status, String(offset)).toBe(401);
    }
    expect(await stored()).toBe(before);
    // Within the five minutes, either way, the report is accepted.
    expect((await app.post(report(), FORM, { timestamp: nowSeconds() + 4 * 60 })).status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });

  it('refuses, with a log line, signed requests for another workspace, enterprise or app', async () => {
    const before = await stored();
    const { team } = viewSubmission({
      userId: 'USTAFF001',
      callbackId: 'progress_submit',
      privateMetadata: '',
      values: {},
    }) as {
      team?: Record<string, unknown>;
    };
    const foreign = [
      { overrides: { team: { ...team, id: 'TOTHER01' } }, field: 'team_id' },
      { overrides: { team: { ...team, enterprise_id: 'EOTHER01' } }, field: 'enterprise_id' },
      { overrides: { api_app_id: 'AOTHER01' }, field: 'api_app_id' },
    ];
    for (const { overrides, field } of foreign) {
      const res = await app.post(report(overrides), FORM);
      expect(res.status, field).toBe(403);
      const line = app.lines.map((l) => JSON.parse(l)).findLast((l) => l.msg?.includes('another installation'));
      expect(line).toMatchObject({ level: 'warn', field });
    }
    // A slash command (flat fields) and an event envelope for another workspace, too.
    const command = loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields;
    const otherCommand = new URLSearchParams({ ...command, command: '/targets', team_id: 'TOTHER01' }).toString();
    expect((await app.post(otherCommand, FORM)).status).toBe(403);
    const event = JSON.stringify({ type: 'event_callback', team_id: INSTALLATION.teamId, api_app_id: 'AOTHER01' });
    expect((await app.post(event, 'application/json')).status).toBe(403);
    expect(await stored()).toBe(before);
    // The same report, for this installation, is stored.
    expect((await app.post(report(), FORM)).status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });
});
