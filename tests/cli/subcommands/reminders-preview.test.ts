import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization } from '../../helpers/reminder-fixtures.js';
import { wiring } from '../../helpers/wiring.js';

describe('tracker reminders preview', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await buildOrganization(database.db, {
      windows: [{ name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' }],
      departments: [
        {
          code: 'a',
          members: ['U1', 'U2'],
          targets: [
            { code: 'A-1', owner: 'U1', title: '区公式LINEの開設' },
            { code: 'A-2', owner: 'U2' },
          ],
        },
      ],
    });
    await database.db.slackUser.create({ data: { id: 'U2', pausedUntil: new Date('2027-05-31T00:00:00Z') } });
  });
  afterAll(async () => database?.destroy());

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['reminders', 'preview', ...args],
      {
        env: { DATABASE_URL: database.url, LOG_LEVEL: 'error', ...env },
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
      wiring,
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints in Japanese what would be sent now, sending and recording nothing (no token needed)', async () => {
    const { code, out, err } = await run(['--at', '2027-05-25T00:30:00Z']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('（Asia/Tokyo では 2027-05-25、営業日。送信時刻 09:30）');
    expect(out).toMatch(/U1 {2}2027-05-25 {2}送信予定 {2}\[reminder:2027-05-25:U1\]/);
    expect(out).toContain('理由: 自己評価が2027-06-01に開始。2027-04-30以降の報告なし');
    expect(out).toContain('- A-1 区公式LINEの開設（最終報告: なし）');
    expect(out).toContain('U2  2027-05-31まで停止中');
    expect(out).toContain('プレビューのため、何も送信していません。');
    expect(await database.db.delivery.count()).toBe(0);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('leaves out the reminders missed beyond the catch-up bound unless --missed asks for them', async () => {
    // 2027-05-18 (14 days before the window) was missed by more than 24 h on 2027-05-25.
    const now = await run(['--at', '2027-05-25T00:30:00Z', '--lang', 'en']);
    expect(now.code).toBe(0);
    expect(now.out).not.toContain('[reminder:2027-05-18:U1]');
    expect(now.out).not.toContain('missed beyond the catch-up bound (would be recorded');
    expect(now.out).toMatch(/Reminders \(1\):/);
    expect(now.out).toMatch(
      /\d+ missed beyond the catch-up bound \(24 h after their time, never sent\) are not shown; add --missed/,
    );

    const all = await run(['--at', '2027-05-25T00:30:00Z', '--lang', 'en', '--missed']);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(
      /U1 {2}2027-05-18 {2}missed beyond the catch-up bound \(would be recorded as skipped\) {2}\[reminder:2027-05-18:U1\]/,
    );
    expect(all.out).toMatch(/U1 {2}2027-05-25 {2}WOULD SEND {2}\[reminder:2027-05-25:U1\]/);
    expect(all.out).not.toContain('are not shown');
    expect(all.out.split('\n').length).toBeGreaterThan(now.out.split('\n').length);
    expect(await database.db.delivery.count()).toBe(0);
  });

  it('rejects a malformed --at', async () => {
    const bad = await run(['--at', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--at にはタイムゾーン付きの ISO-8601 日時を指定してください');
    expect(bad.err).toContain('"soon"');
  });
});
