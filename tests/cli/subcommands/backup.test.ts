import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { openDatabase } from '../../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../../helpers/seed.js';
import { nockAuthTest, startTestApp, type TestApp, viewSubmission, waitFor } from '../../helpers/slack-driver.js';
import { wiring } from '../../helpers/wiring.js';

const scratch = mkdtempSync(join(tmpdir(), 'tracker-backup-cli-'));

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  // English: the messages asserted here are the English ones (tests/cli/subcommands/help.test.ts covers Japanese).
  const code = await runCli(
    args,
    { env: { TRACKER_LANG: 'en', ...env }, out: (l) => out.push(l), err: (l) => err.push(l) },
    wiring,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function report(org: SeededOrg, comment: string) {
  return viewSubmission({
    userId: 'USTAFF001',
    callbackId: 'progress_submit',
    privateMetadata: JSON.stringify({ v: 1, targetId: org.targets.sk1 }),
    values: {
      target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
      status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
      comment: { comment: { type: 'plain_text_input', value: comment } },
    },
  });
}

describe('tracker backup / restore against a running bot on SQLite', () => {
  let database: TestDatabase;
  let app: TestApp | undefined;
  let org: SeededOrg;
  let env: NodeJS.ProcessEnv;
  const backupFile = join(scratch, 'nightly.db');

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
    app = await startTestApp(database, { now: () => new Date('2026-11-20T01:00:00Z') });
    env = { DATABASE_URL: database.url };
  });
  let posts = 0;
  beforeEach(() => {
    nockAuthTest();
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage')
      .reply(200, () => {
        posts += 1;
        return { ok: true, channel: 'D1', ts: '1.1' };
      });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up while the bot serves reports, and restore refuses until the bot is stopped', async () => {
    const running = app as TestApp;
    expect((await running.interaction(report(org, 'before backup'))).body).toBe('');
    // Receipt and channel post go out after the ack; both are in before the test moves on.
    await waitFor(() => posts === 2);
    const backup = await run(['backup', backupFile], env);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(
      /Backup written to .*nightly\.db \(\d+ KB, integrity ok, [\d.]+ s\): 3 targets, 1 progress updates/,
    );
    // The bot goes on working after the backup.
    expect((await running.interaction(report(org, 'after backup'))).body).toBe('');
    await waitFor(() => posts === 4);
    expect(await database.db.progressUpdate.count()).toBe(2);

    const refused = await run(['restore', backupFile], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^tracker restore: .* is in use by another process\. Stop the bot/);
    expect(await database.db.progressUpdate.count()).toBe(2);

    await running.stop();
    app = undefined;
    await database.close();
    const restored = await run(['restore', backupFile], env);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('3 targets, 1 progress updates');
    expect(restored.out).toMatch(/The replaced database was kept as .*test\.db\.pre-restore-\d{8}T\d{6}Z\./);
    expect(restored.out).toContain('npx tracker start');
    const reopened = await openDatabase(database.url);
    try {
      const updates = await reopened.db.progressUpdate.findMany();
      expect(updates.map((u) => u.comment)).toEqual(['before backup']);
    } finally {
      await reopened.close();
    }
  });

  it('will not overwrite a backup without --force', async () => {
    const again = await run(['backup', backupFile], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; choose another name or pass --force');
    // In Japanese by default.
    const ja = await run(['backup', backupFile], { ...env, TRACKER_LANG: 'ja' });
    expect(ja.code).toBe(1);
    expect(ja.err).toBe(`tracker backup: ${backupFile} は既にあります。別の名前にするか、--force を付けてください。`);
    const forced = await run(['backup', backupFile, '--force'], env);
    expect(forced.code).toBe(0);
  });

  it('explains usage, missing files and files that are not databases', async () => {
    expect((await run(['backup'], env)).code).toBe(2);
    const twoFiles = await run(['restore', 'a.db', 'b.db'], env);
    expect(twoFiles.code).toBe(2);
    expect(twoFiles.err).toContain('give one FILE.\nSee tracker restore --help');
    expect((await run(['restore', '--force', backupFile], env)).code).toBe(2);

    const missing = await run(['restore', join(scratch, 'absent.db')], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file');
    const text = join(scratch, 'readme.txt');
    writeFileSync(text, 'hello');
    const notDb = await run(['restore', text], env);
    expect(notDb.code).toBe(1);
    expect(notDb.err).toContain('is not an SQLite database');
  });

  it('sends PostgreSQL users to pg_dump and pg_restore', async () => {
    const pg = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tracker' };
    const backup = await run(['backup', join(scratch, 'pg.db')], pg);
    expect(backup.code).toBe(1);
    expect(backup.err).toContain('pg_dump --format=custom');
    const restore = await run(['restore', backupFile], pg);
    expect(restore.code).toBe(1);
    expect(restore.err).toContain('pg_restore');
    expect(existsSync(join(scratch, 'pg.db'))).toBe(false);
  });

  it('lists both commands in help', async () => {
    const help = await run(['help'], env);
    expect(help.code).toBe(0);
    const text = `${help.out}${help.err}`;
    expect(text).toMatch(/ {2}backup\s+Write a consistent copy/);
    expect(text).toMatch(/ {2}restore\s+Replace the SQLite database/);
  });
});
