import Database from 'better-sqlite3';
import nock from 'nock';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { STORE_BUDGET_MS } from '../../src/slack/ack-budget.js';
import { startApp } from '../../src/slack/app.js';
import { appSuite } from '../helpers/app-suite.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { PROVIDERS } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { seededTestDatabase } from '../helpers/seeded-database.js';
import {
  BOT_TOKEN,
  decodeSlackBody,
  interactionBody,
  nockAuthTest,
  SIGNING_SECRET,
  signedPost,
  startTestApp,
  viewSubmission,
  waitFor,
} from '../helpers/slack-driver.js';
import { registerListeners } from '../helpers/wiring.js';

const NOW = new Date('2026-11-20T01:00:00Z');

function values(org: SeededOrg, overrides: Record<string, unknown> = {}) {
  return {
    target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
    status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
    value: { value: { type: 'plain_text_input', value: null } },
    percent: { percent: { type: 'plain_text_input', value: null } },
    comment: { comment: { type: 'plain_text_input', value: null } },
    ...overrides,
  };
}

function submission(org: SeededOrg, user: string, overrides: Record<string, unknown> = {}, metadata?: string) {
  return viewSubmission({
    userId: user,
    callbackId: 'progress_submit',
    privateMetadata: metadata ?? JSON.stringify({ v: 1, targetId: org.targets.sk1 }),
    values: values(org, overrides),
  });
}

function errorsOf(body: string): Record<string, string> {
  const parsed = JSON.parse(body) as { response_action: string; errors: Record<string, string> };
  expect(parsed.response_action).toBe('errors');
  return parsed.errors;
}

describe('progress modal submission', () => {
  const suite = appSuite({ seed: seedSmallOrg, now: () => NOW });

  const stored = () => suite.database.db.progressUpdate.count();

  it.each([
    [
      'a missing status',
      { status: { status: { type: 'static_select', selected_option: null } } },
      'status',
      '状況を選択',
    ],
    [
      'a value that is not a number',
      { value: { value: { type: 'plain_text_input', value: '四十二' } } },
      'value',
      '数値',
    ],
    ['a value of 1e309', { value: { value: { type: 'plain_text_input', value: '1e309' } } }, 'value', '数値'],
    ['a percentage of 150', { percent: { percent: { type: 'plain_text_input', value: '150' } } }, 'percent', '0〜100'],
    ['a percentage of NaN', { percent: { percent: { type: 'plain_text_input', value: 'NaN' } } }, 'percent', '数値'],
    [
      'a comment of 2001 characters',
      { comment: { comment: { type: 'plain_text_input', value: 'あ'.repeat(2001) } } },
      'comment',
      '2000',
    ],
  ])('refuses %s on its field and stores nothing', async (_name, override, block, message) => {
    const before = await stored();
    const res = await suite.app.interaction(submission(suite.org, 'USTAFF001', override));
    expect(res.status).toBe(200);
    expect(errorsOf(res.body)[block]).toContain(message);
    expect(await stored()).toBe(before);
  });

  it('refuses a view whose target was altered to another department’s target', async () => {
    const before = await stored();
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF001', {
        target: {
          progress_target: { type: 'static_select', selected_option: { value: String(suite.org.targets.sm1) } },
        },
      }),
    );
    expect(errorsOf(res.body).target).toContain('権限');
    expect(await stored()).toBe(before);
    expect(suite.app.lines.some((l) => l.includes('target not reportable by user'))).toBe(true);
  });

  it('refuses a view whose private_metadata was altered', async () => {
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF001', {}, '{"v":1,"targetId":"1; DROP TABLE"}'),
    );
    expect(errorsOf(res.body).target).toBeDefined();
    expect(suite.app.lines.some((l) => l.includes('private_metadata altered'))).toBe(true);
  });

  it('refuses a milestone that belongs to another target', async () => {
    const before = await stored();
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF001', {
        [`milestones_${suite.org.targets.sk1}`]: {
          milestones: { type: 'checkboxes', selected_options: [{ value: String(suite.org.milestones.sm1a) }] },
        },
      }),
    );
    expect(errorsOf(res.body)[`milestones_${suite.org.targets.sk1}`]).toContain('マイルストーン');
    expect(await stored()).toBe(before);
  });

  it('refuses a submission from someone outside the department', async () => {
    const res = await suite.app.interaction(submission(suite.org, 'USOMU0001'));
    expect(errorsOf(res.body).target).toBeDefined();
  });

  it('stores the update even when the department channel refuses the post, and tells the reporter', async () => {
    const dms: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'USTAFF002')
      .times(2)
      .reply(200, (_u, body) => {
        dms.push(String(decodeSlackBody(body).text));
        return { ok: true, channel: 'D2', ts: '2.1' };
      });
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'C0SEISAKU1')
      .reply(200, { ok: false, error: 'not_in_channel' });
    const before = await stored();
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF002', { status: { status: { selected_option: { value: 'done' } } } }),
    );
    expect(res.body).toBe('');
    await waitFor(() => dms.length === 2);
    expect(await stored()).toBe(before + 1);
    expect(dms[1]).toContain('チャンネルへの投稿はできませんでした');
  });

  it('answers Slack, then sends the receipt and the channel post with the target’s code and title', async () => {
    const posts: { channel: string; body: string }[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_u, body) => {
        const decoded = decodeSlackBody(body);
        posts.push({ channel: String(decoded.channel), body: JSON.stringify(decoded) });
        return { ok: true, channel: 'D1', ts: '4.1' };
      });
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF001', { percent: { percent: { type: 'plain_text_input', value: '35' } } }),
    );
    expect(res.body).toBe('');
    await waitFor(() => posts.length === 2);
    expect(posts.map((p) => p.channel)).toEqual(['USTAFF001', 'C0SEISAKU1']);
    for (const post of posts) expect(post.body).toContain('SK-1');
    const latest = await suite.database.db.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(latest).toMatchObject({ targetId: suite.org.targets.sk1, reporterId: 'USTAFF001', percent: 35 });
  });

  it('stores a report that completes a milestone, marks it done and names it in the receipt', async () => {
    const posts: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_u, body) => {
        posts.push(JSON.stringify(decodeSlackBody(body)));
        return { ok: true, channel: 'D1', ts: '5.1' };
      });
    const milestone = await suite.database.db.milestone.findUniqueOrThrow({
      where: { id: suite.org.milestones.sk1b },
    });
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF001', {
        [`milestones_${suite.org.targets.sk1}`]: {
          milestones: { type: 'checkboxes', selected_options: [{ value: String(milestone.id) }] },
        },
      }),
    );
    expect(res.body).toBe('');
    await waitFor(() => posts.length === 2);
    expect(posts[0]).toContain(milestone.title);
    const done = await suite.database.db.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(done.doneAt?.toISOString()).toBe(NOW.toISOString());
  });

  it('keeps a correction as a new update: history is never rewritten', async () => {
    nock('https://slack.com').post('/api/chat.postMessage').times(4).reply(200, { ok: true, channel: 'D', ts: '3.1' });
    const before = await suite.database.db.progressUpdate.findMany({ where: { targetId: suite.org.targets.sk1 } });
    await suite.app.interaction(
      submission(suite.org, 'USTAFF001', { value: { value: { type: 'plain_text_input', value: '10' } } }),
    );
    await suite.app.interaction(
      submission(suite.org, 'USTAFF001', { value: { value: { type: 'plain_text_input', value: '12' } } }),
    );
    const after = await suite.database.db.progressUpdate.findMany({
      where: { targetId: suite.org.targets.sk1 },
      orderBy: { id: 'asc' },
    });
    expect(after.length).toBe(before.length + 2);
    expect(after.slice(-2).map((u) => u.value)).toEqual([10, 12]);
  });
});

describe('a bot stopped right after a submission', () => {
  const seeded = seededTestDatabase('sqlite', seedSmallOrg);

  it('sends the receipt and the channel post before it stops', async () => {
    nockAuthTest();
    const app = await startTestApp(seeded.database, { now: () => NOW });
    const channels: string[] = [];
    // Slack holds its answers until the stop has begun: the messages are still on their way then.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const slack = nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(2)
      .reply((_u, body, callback) => {
        channels.push(String(decodeSlackBody(body).channel));
        void answered.then(() => callback(null, [200, { ok: true, channel: 'D1', ts: '6.1' }]));
      });
    const res = await app.interaction(submission(seeded.org, 'USTAFF001'));
    expect(res.body).toBe('');
    // The channel post follows the receipt's (held) answer.
    expect(channels).not.toContain('C0SEISAKU1');
    const stopping = app.stop();
    answer();
    await stopping;
    expect(slack.isDone()).toBe(true);
    expect(channels).toEqual(['USTAFF001', 'C0SEISAKU1']);
  });
});

describe('progress submission while the database is unreachable', () => {
  it('keeps the modal open with an apology instead of losing the report silently', async () => {
    nockAuthTest();
    const { logger, lines } = captureLogger();
    // Nothing listens on port 1: every query fails at once with ECONNREFUSED.
    const database = await openDatabase('postgresql://postgres@127.0.0.1:1/unreachable');
    const config = testConfig({
      slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      databaseUrl: 'postgresql://postgres@127.0.0.1:1/unreachable',
    });
    const running = await startApp({ db: database.db, database, config, logger, now: () => NOW }, registerListeners);
    try {
      const post = signedPost(`http://127.0.0.1:${running.port}`);
      const payload = viewSubmission({
        userId: 'USTAFF001',
        callbackId: 'progress_submit',
        privateMetadata: JSON.stringify({ v: 1, targetId: 1 }),
        values: {
          target: { progress_target: { selected_option: { value: '1' } } },
          status: { status: { selected_option: { value: 'on_track' } } },
        },
      });
      const res = await post(interactionBody(payload), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      const parsed = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
      expect(parsed.response_action).toBe('errors');
      expect(parsed.errors.comment).toContain('データベースに接続できない');
      expect(lines.some((l) => l.includes('progress update not stored'))).toBe(true);
      const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
      expect(health.status).toBe(503);
    } finally {
      await running.stop();
      await database.close().catch(() => undefined);
    }
  });
});

describe('a report that takes longer to store than Slack waits (PostgreSQL)', () => {
  const suite = appSuite({ seed: seedSmallOrg, provider: 'postgresql', now: () => NOW });
  let locker: pg.Client | undefined;

  /** Another session holds ProgressUpdate locked, so the bot's insert waits for it. */
  async function lockProgressUpdates(): Promise<pg.Client> {
    locker = new pg.Client({ connectionString: suite.database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "ProgressUpdate" IN ACCESS EXCLUSIVE MODE');
    return locker;
  }

  afterEach(async () => {
    await locker?.query('ROLLBACK').catch(() => undefined);
    await locker?.end().catch(() => undefined);
    locker = undefined;
  });

  const dmsTo = (user: string) => {
    const texts: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === user)
      .reply(200, (_u, body) => {
        texts.push(JSON.stringify(decodeSlackBody(body)));
        return { ok: true, channel: 'D9', ts: '9.1' };
      });
    return texts;
  };

  it('closes the modal within Slack’s 3 s, then sends the receipt once the report is stored', async () => {
    const lock = await lockProgressUpdates();
    const count = async () => Number((await lock.query('SELECT count(*) AS n FROM "ProgressUpdate"')).rows[0].n);
    const before = await count();
    const receipt = dmsTo('USTAFF001');
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'C0SEISAKU1')
      .reply(200, { ok: true });
    const started = performance.now();
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF001', {
        comment: { comment: { type: 'plain_text_input', value: '待たされた報告' } },
      }),
    );
    const waited = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(waited).toBeGreaterThanOrEqual(STORE_BUDGET_MS - 50);
    expect(waited).toBeLessThan(3000);
    expect(await count()).toBe(before);
    expect(receipt).toEqual([]);
    expect(suite.app.lines.some((l) => l.includes('modal closed before it was stored'))).toBe(true);
    await lock.query('COMMIT');
    await waitFor(() => receipt.length === 1);
    expect(receipt[0]).toContain('記録しました');
    expect(receipt[0]).toContain('待たされた報告');
    const latest = await suite.database.db.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(latest).toMatchObject({ reporterId: 'USTAFF001', comment: '待たされた報告' });
    expect(await suite.database.db.progressUpdate.count()).toBe(before + 1);
  });

  it('tells the reporter by direct message, with what they entered, when the late report fails', async () => {
    const lock = await lockProgressUpdates();
    const before = Number((await lock.query('SELECT count(*) AS n FROM "ProgressUpdate"')).rows[0].n);
    const notice = dmsTo('USTAFF002');
    const comment = '<!channel> 区民説明会は延期';
    const res = await suite.app.interaction(
      submission(suite.org, 'USTAFF002', { comment: { comment: { type: 'plain_text_input', value: comment } } }),
    );
    expect(res.body).toBe('');
    // The bot's session waiting for the lock is cut off, as a failover or an administrator would.
    const waiting = await lock.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    expect(waiting.rowCount).toBe(1);
    await waitFor(() => notice.length === 1);
    expect(notice[0]).toContain('保存されませんでした');
    expect(notice[0]).toContain('&lt;!channel&gt; 区民説明会は延期');
    expect(notice[0]).not.toContain('<!channel>');
    await lock.query('ROLLBACK');
    expect(await suite.database.db.progressUpdate.count()).toBe(before);
    expect(suite.app.lines.some((l) => l.includes('progress update not stored'))).toBe(true);
  });
});

describe('a report while another process holds the SQLite write lock', () => {
  const suite = appSuite({ seed: seedSmallOrg, provider: 'sqlite', now: () => NOW });

  it('closes the modal while the lock is held, serves others meanwhile, and sends the receipt once stored', async () => {
    // Another process's connection (the sqlite3 shell, a CLI run) in an exclusive transaction.
    const other = new Database(suite.database.url.replace(/^file:/, ''));
    try {
      other.exec('BEGIN EXCLUSIVE');
      const before = await suite.database.db.progressUpdate.count();
      const receipts: string[] = [];
      nock('https://slack.com')
        .persist()
        .post('/api/chat.postMessage')
        .reply(200, (_u, body) => {
          receipts.push(JSON.stringify(decodeSlackBody(body)));
          return { ok: true, channel: 'D9', ts: '9.1' };
        });
      const answers = await Promise.all(
        ['USTAFF001', 'USTAFF002'].map((user) =>
          suite.app.interaction(
            submission(suite.org, user, {
              comment: { comment: { type: 'plain_text_input', value: `ロック中の報告 ${user}` } },
            }),
          ),
        ),
      );
      expect(answers.map((a) => [a.status, a.body])).toEqual([
        [200, ''],
        [200, ''],
      ]);
      // The bot still answers while its writes wait: /healthz says the database takes no writes.
      expect((await fetch(`${suite.app.url}/healthz`)).status).toBe(503);
      expect(await suite.database.db.progressUpdate.count()).toBe(before);
      expect(receipts).toEqual([]);
      other.exec('COMMIT');
      await waitFor(() => receipts.filter((r) => r.includes('記録しました')).length === 2);
      expect(await suite.database.db.progressUpdate.count()).toBe(before + 2);
      expect(receipts.join('\n')).not.toContain('保存されませんでした');
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      nock.cleanAll();
    }
  });
});

const DUPLICATE = 'progress submission delivered again: already stored';

describe.each(PROVIDERS)('a submission delivered more than once, on %s', (provider) => {
  const suite = appSuite({ seed: seedSmallOrg, provider, now: () => NOW });

  /** Counts the bot's chat.postMessage calls (receipts and channel posts). */
  function countPosts() {
    const seen = { posts: 0 };
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage')
      .reply(200, () => {
        seen.posts += 1;
        return { ok: true, channel: 'D1', ts: '8.1' };
      });
    return seen;
  }
  const stored = () => suite.database.db.progressUpdate.count();

  it.each([
    ['completes no milestone', () => ({})],
    [
      'completes a milestone',
      () => ({
        [`milestones_${suite.org.targets.sk1}`]: {
          milestones: { type: 'checkboxes', selected_options: [{ value: String(suite.org.milestones.sk1a) }] },
        },
      }),
    ],
  ])('stores a report that %s once, and announces it once, one delivery after another', async (_name, extra) => {
    const seen = countPosts();
    const before = await stored();
    const logged = (msg: string) => suite.app.lines.filter((l) => JSON.parse(l).msg === msg).length;
    const [storedLines, againLines] = [logged('progress update stored'), logged(DUPLICATE)];
    const body = interactionBody(submission(suite.org, 'USTAFF001', extra()));
    for (let i = 0; i < 3; i++) {
      const res = await suite.app.post(body, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
    }
    expect(await stored()).toBe(before + 1);
    // One receipt and one channel post: announcements are queued only for a newly stored report.
    await waitFor(() => seen.posts === 2);
    expect(logged('progress update stored')).toBe(storedLines + 1);
    expect(logged(DUPLICATE)).toBe(againLines + 2);
  });

  it('stores a submission delivered three times at once only once', async () => {
    const before = await stored();
    const body = interactionBody(submission(suite.org, 'USTAFF002'));
    const answers = await Promise.all([1, 2, 3].map(() => suite.app.post(body, 'application/x-www-form-urlencoded')));
    for (const res of answers) expect(res.status).toBe(200);
    expect(await stored()).toBe(before + 1);
    // Another modal with the same values is another report.
    await suite.app.interaction(submission(suite.org, 'USTAFF002'));
    expect(await stored()).toBe(before + 2);
  });
});
