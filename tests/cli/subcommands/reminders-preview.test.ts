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

  it('prints who would be reminded of what, sending and recording nothing (no token needed)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['reminders', 'preview', '--at', '2027-05-25T00:30:00Z'],
      {
        env: { DATABASE_URL: database.url, LOG_LEVEL: 'error' },
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
      wiring,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('2027-05-25 in Asia/Tokyo, a business day');
    expect(text).toMatch(/U1 {2}2027-05-25 {2}WOULD SEND {2}\[reminder:2027-05-25:U1\]/);
    expect(text).toContain('why: 自己評価 opens 2027-06-01; no update since 2027-04-30');
    expect(text).toContain('- A-1 区公式LINEの開設');
    expect(text).toContain('U2  until 2027-05-31');
    expect(text).toContain('Nothing was sent (preview).');
    expect(await database.db.delivery.count()).toBe(0);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('rejects a malformed --at', async () => {
    const err: string[] = [];
    expect(
      await runCli(
        ['reminders', 'preview', '--at', 'soon'],
        {
          env: { DATABASE_URL: database.url },
          out: () => {},
          err: (l) => err.push(l),
        },
        wiring,
      ),
    ).toBe(2);
    expect(err.join('')).toContain('--at must be');
  });
});
