import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/cli/parse-instant.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { fakeSlack } from '../../helpers/reminder-fixtures.js';
import { wiring } from '../../helpers/wiring.js';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('tracker jobs run', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let owners: string[];
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    env = {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      LOG_LEVEL: 'error',
      TRACKER_LANG: 'en',
      // The send queue's pacing has its own tests; here it only needs to be quick.
      TRACKER_SLACK_WORKSPACE_RATE: '500',
      TRACKER_SLACK_WORKSPACE_BURST: '500',
    };
    // The real import, as headquarters would run it.
    const imported = io(env);
    expect(await runCli(['import', 'examples/itabashi-fy2026.yaml'], imported.io, wiring)).toBe(0);
    const targets = await database.db.target.findMany({ select: { ownerId: true } });
    expect(targets).toHaveLength(279);
    owners = [...new Set(targets.map((t) => t.ownerId as string))].sort();
  });
  afterAll(async () => database?.destroy());

  it('fails with a clear message when the bot token is missing', async () => {
    const run = io({ DATABASE_URL: database.url });
    expect(await runCli(['jobs', 'run', 'reminders'], run.io, wiring)).toBe(1);
    expect(run.err.join('\n')).toBe(
      'tracker jobs run: SLACK_BOT_TOKEN が設定されていないため送信できません（xoxb-… のボットトークンが必要です）。送信せずに内容を確かめるには tracker reminders preview を使ってください。',
    );
  });

  it('lists the jobs for an unknown id and rejects an --at without a zone', async () => {
    const unknown = io(env);
    expect(await runCli(['jobs', 'run', 'nope'], unknown.io, wiring)).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/Unknown job "nope".*reminders \(every minute/s);
    const badAt = io(env);
    expect(await runCli(['jobs', 'run', 'reminders', '--at', '2027-05-25 09:30'], badAt.io, wiring)).toBe(2);
    expect(badAt.err.join('\n')).toContain('--at must be an ISO-8601 instant');
  });

  it('DMs each owner once seven days before the window, nothing on a rerun, nothing on a holiday', async () => {
    const slack = fakeSlack();
    const first = io(env);
    expect(await runCli(['jobs', 'run', 'reminders', '--at', '2027-05-25T00:30:00Z'], first.io, wiring)).toBe(0);
    expect(first.out.join('\n')).toContain('reminders at 2027-05-25T00:30:00.000Z: sent 61');
    expect(
      slack
        .posts()
        .map((p) => p.body.channel)
        .sort(),
    ).toEqual(owners);

    const again = io(env);
    expect(await runCli(['jobs', 'run', 'reminders', '--at', '2027-05-25T00:30:00Z'], again.io, wiring)).toBe(0);
    expect(again.out.join('\n')).toContain('sent 0');
    const holiday = io(env);
    expect(await runCli(['jobs', 'run', 'reminders', '--at', '2027-05-03T00:30:00Z'], holiday.io, wiring)).toBe(0);
    expect(holiday.out.join('\n')).toContain('sent 0');
    expect(slack.posts()).toHaveLength(61);
  });
});

describe('parseInstant', () => {
  it('accepts ISO-8601 instants with a zone only', () => {
    expect(parseInstant('2027-05-25T00:30:00Z')?.toISOString()).toBe('2027-05-25T00:30:00.000Z');
    expect(parseInstant('2027-05-25T09:30+09:00')?.toISOString()).toBe('2027-05-25T00:30:00.000Z');
    expect(parseInstant('2027-05-25T09:30:00')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
  });
});
