import Database from 'better-sqlite3';
import nock from 'nock';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import {
  blockAction,
  decodeSlackBody,
  nockAuthTest,
  startTestApp,
  type TestApp,
  viewSubmission,
  waitFor,
} from '../helpers/slack-driver.js';
import { IN_REVIEW, PEOPLE, type SeededOrg, seedReviewOrg } from '../review/fixtures.js';

type View = {
  type: string;
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string }[];
};

/** Captures the views a Web API method receives. */
function captureViews(
  method: 'views.open' | 'views.push' | 'views.update',
  reply: Record<string, unknown> = { ok: true },
) {
  const calls: { view: View; view_id?: string; hash?: string; trigger_id?: string }[] = [];
  nock('https://slack.com')
    .post(`/api/${method}`)
    .reply(200, (_uri, body) => {
      calls.push(decodeSlackBody(body) as unknown as (typeof calls)[number]);
      return reply;
    });
  return calls;
}

function values(input: { decision?: string; grade?: string; comment?: string }) {
  return {
    review_decision: {
      decision: { type: 'radio_buttons', selected_option: input.decision ? { value: input.decision } : null },
    },
    review_grade: { grade: { type: 'static_select', selected_option: input.grade ? { value: input.grade } : null } },
    review_comment: { comment: { type: 'plain_text_input', value: input.comment ?? null } },
  };
}

/** A view_submission of a review modal we built, as Slack sends it back. */
function submit(userId: string, view: View, input: Parameters<typeof values>[0], previousViewId: string | null = null) {
  const payload = viewSubmission({
    userId,
    callbackId: 'review_step',
    privateMetadata: view.private_metadata,
    values: values(input),
  });
  return { ...payload, view: { ...payload.view, blocks: view.blocks, previous_view_id: previousViewId } };
}

function errorsOf(body: string): Record<string, string> {
  const parsed = JSON.parse(body) as { response_action: string; errors: Record<string, string> };
  expect(parsed.response_action).toBe('errors');
  return parsed.errors;
}

describe('yearly review through Slack', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  let now = IN_REVIEW;
  const steps = (code: string) =>
    database.db.reviewStep.findMany({ where: { targetId: org.targets[code] as number }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedReviewOrg(database.db);
    app = await startTestApp(database, { now: () => now });
  });
  beforeEach(() => {
    nockAuthTest();
    nock('https://slack.com')
      .persist()
      .post('/api/users.info')
      .reply(200, { ok: true, user: { locale: 'ja-JP' } });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /** Opens a target's review modal the way a list button does outside a modal (views.open). */
  async function openStepModal(userId: string, code: string): Promise<View> {
    const opened = captureViews('views.open');
    await app.interaction(
      blockAction({ userId, action: { type: 'button', action_id: 'review_open', value: String(org.targets[code]) } }),
    );
    await waitFor(() => opened.length === 1);
    return (opened[0] as { view: View }).view;
  }

  it('lets the owner self-assess: /tracker review → list → modal → submit, then refreshes the list', async () => {
    const replies: string[] = [];
    nock('https://hooks.slack.com')
      .post('/commands/1234/5678')
      .reply(200, (_u, body) => {
        replies.push(String((body as { text?: string }).text));
        return 'ok';
      });
    const opened = captureViews('views.open');
    const res = await app.slashCommand({ command: '/tracker', text: 'review', user_id: PEOPLE.memberA1 });
    expect(res.status).toBe(200);
    // The command's own trigger_id opens the list as a modal straight away.
    await waitFor(() => opened.length === 1 && replies.length === 1);
    const list = (opened[0] as { view: View }).view;
    expect(list.callback_id).toBe('review_list');
    expect(JSON.stringify(list.blocks)).toContain('令和8年度 行政評価');

    const pushed = captureViews('views.push');
    await app.interaction(
      blockAction({
        userId: PEOPLE.memberA1,
        action: { type: 'button', action_id: 'review_open', value: String(org.targets['SK-1']) },
        view: {
          id: 'VLIST0001',
          type: 'modal',
          callback_id: 'review_list',
          private_metadata: list.private_metadata,
          hash: 'h1',
        },
      }),
    );
    await waitFor(() => pushed.length === 1);
    const modal = (pushed[0] as { view: View }).view;
    expect(modal.callback_id).toBe('review_step');
    expect(JSON.stringify(modal.blocks)).toContain('推奨評価: *B*（達成率 85%）');

    const updated = captureViews('views.update');
    const submitted = await app.interaction(
      submit(PEOPLE.memberA1, modal, { grade: 'B', comment: '改訂素案を作成し、公表準備中' }, 'VLIST0001'),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe('');
    await waitFor(() => updated.length === 1);
    expect(updated[0]?.view_id).toBe('VLIST0001');
    expect(JSON.stringify(updated[0]?.view.blocks)).toContain('✅ SK-1: 自己評価を記録しました。');
    const rows = await steps('SK-1');
    expect(rows.map((r) => [r.step, r.grade, r.comment, r.actorId])).toEqual([
      ['self', 'B', '改訂素案を作成し、公表準備中', PEOPLE.memberA1],
    ]);
  });

  it('takes SK-1 through approval, HQ check and confirmation', async () => {
    const approveModal = await openStepModal(PEOPLE.managerA, 'SK-1');
    expect(JSON.stringify(approveModal.blocks)).toContain('"value":"approve"');
    const dm = nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true });
    const approved = await app.interaction(submit(PEOPLE.managerA, approveModal, { decision: 'approve' }));
    expect(approved.body).toBe('');
    // Opened outside a list: the confirmation arrives by DM.
    await waitFor(() => dm.isDone());

    nock('https://slack.com').post('/api/chat.postMessage').times(2).reply(200, { ok: true });
    const checkModal = await openStepModal(PEOPLE.hq, 'SK-1');
    expect(
      (await app.interaction(submit(PEOPLE.hq, checkModal, { decision: 'check', grade: 'A', comment: '成果を評価' })))
        .body,
    ).toBe('');
    const confirmModal = await openStepModal(PEOPLE.hq, 'SK-1');
    expect((await app.interaction(submit(PEOPLE.hq, confirmModal, { decision: 'confirm', grade: 'A' }))).body).toBe('');
    expect((await steps('SK-1')).map((r) => [r.step, r.grade, r.actorId])).toEqual([
      ['self', 'B', PEOPLE.memberA1],
      ['approve', 'B', PEOPLE.managerA],
      ['check', 'A', PEOPLE.hq],
      ['confirm', 'A', PEOPLE.hq],
    ]);
  });

  it('refuses a member who submits an approval, with the reason next to the comment', async () => {
    const own = await openStepModal(PEOPLE.memberB1, 'KM-1');
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true });
    expect((await app.interaction(submit(PEOPLE.memberB1, own, { grade: 'S', comment: '目標超過' }))).body).toBe('');
    // The same (self-assessment) form, altered to claim an approval step.
    const forged = {
      ...own,
      private_metadata: JSON.stringify({
        ...JSON.parse(own.private_metadata),
        only: 'approve',
        lastStepId: (await steps('KM-1'))[0]?.id,
      }),
    };
    const res = await app.interaction(submit(PEOPLE.memberB1, forged, {}));
    expect(errorsOf(res.body).review_comment).toContain('所属長');
    expect(await steps('KM-1')).toHaveLength(1);
    await waitFor(() => app.lines.some((l) => l.includes('review_not_allowed')));
  });

  it('refuses a stale form when someone acted after it was opened', async () => {
    const first = await openStepModal(PEOPLE.managerB, 'KM-1');
    const second = await openStepModal(PEOPLE.managerB, 'KM-1');
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true });
    expect(
      (await app.interaction(submit(PEOPLE.managerB, first, { decision: 'return', comment: '根拠資料を' }))).body,
    ).toBe('');
    const res = await app.interaction(submit(PEOPLE.managerB, second, { decision: 'approve' }));
    expect(errorsOf(res.body).review_comment).toContain('他の人がこの評価を更新しました');
    expect((await steps('KM-1')).map((r) => r.step)).toEqual(['self', 'return']);
  });

  it('shows field errors without recording anything', async () => {
    const modal = await openStepModal(PEOPLE.memberA2, 'SK-3');
    const res = await app.interaction(submit(PEOPLE.memberA2, modal, { comment: '   ' }));
    const errors = errorsOf(res.body);
    expect(errors.review_grade).toBe('評価を選択してください。');
    expect(errors.review_comment).toContain('コメントを入力してください');
    expect(await steps('SK-3')).toHaveLength(0);
    const altered = await app.interaction(
      submit(PEOPLE.memberA2, { ...modal, private_metadata: '{"targetId":"x"}' }, {}),
    );
    expect(Object.values(errorsOf(altered.body))[0]).toContain('見つからないか');
  });

  it('stores a review submission delivered three times once, with no 5xx', async () => {
    const modal = await openStepModal(PEOPLE.memberA2, 'SK-2');
    const body = submit(PEOPLE.memberA2, modal, { grade: 'B', comment: '計画どおり進捗' });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await app.interaction(body));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]?.body).toBe('');
    expect((await steps('SK-2')).map((r) => [r.step, r.grade])).toEqual([['self', 'B']]);
  });

  it('refuses self-assessment after the review period, explaining when it closed', async () => {
    const modal = await openStepModal(PEOPLE.memberA1, 'SK-5');
    now = new Date('2027-08-01T01:00:00Z');
    try {
      const res = await app.interaction(submit(PEOPLE.memberA1, modal, { grade: 'C', comment: '遅れて提出' }));
      expect(errorsOf(res.body).review_comment).toContain('2027-07-10で終了しました');
    } finally {
      now = IN_REVIEW;
    }
  });
});

describe.each(PROVIDERS)('a review step that waits for a lock held by someone else, on %s', (provider) => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  let release: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
    app = await startTestApp(database, { now: () => IN_REVIEW });
  });
  beforeEach(() => {
    nockAuthTest();
    nock('https://slack.com')
      .persist()
      .post('/api/users.info')
      .reply(200, { ok: true, user: { locale: 'ja-JP' } });
  });
  afterEach(async () => {
    await release?.().catch(() => undefined);
    release = undefined;
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /**
   * Another process (SQLite: a connection in BEGIN EXCLUSIVE) or session (PostgreSQL: the target
   * rows locked FOR UPDATE) holds what the step writes. Returns how to let go (commit or end).
   */
  async function holdLock(): Promise<{ release(): Promise<void>; cutOffWaiting(): Promise<number> }> {
    if (provider === 'sqlite') {
      const other = new Database(database.url.replace(/^file:/, ''));
      other.exec('BEGIN EXCLUSIVE');
      const held = {
        release: async () => {
          if (other.inTransaction) other.exec('COMMIT');
          other.close();
        },
        cutOffWaiting: async () => 0,
      };
      release = held.release;
      return held;
    }
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM "Target" FOR UPDATE');
    const held = {
      release: async () => {
        await locker.query('COMMIT').catch(() => undefined);
        await locker.end();
      },
      // The bot's session waiting for the lock is cut off, as a failover or an administrator would.
      cutOffWaiting: async () =>
        (
          await locker.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          )
        ).rowCount ?? 0,
    };
    release = held.release;
    return held;
  }

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

  async function openStepModal(userId: string, code: string): Promise<View> {
    const opened = captureViews('views.open');
    await app.interaction(
      blockAction({ userId, action: { type: 'button', action_id: 'review_open', value: String(org.targets[code]) } }),
    );
    await waitFor(() => opened.length === 1);
    return (opened[0] as { view: View }).view;
  }

  it('closes the modal while the lock is held, then confirms by direct message once the step is recorded', async () => {
    const modal = await openStepModal(PEOPLE.memberA1, 'SK-1');
    const lock = await holdLock();
    const confirmed = dmsTo(PEOPLE.memberA1);
    const res = await app.interaction(submit(PEOPLE.memberA1, modal, { grade: 'B', comment: '待たされた自己評価' }));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(app.lines.some((l) => l.includes('modal closed before it was recorded'))).toBe(true);
    expect(confirmed).toEqual([]);
    await lock.release();
    await waitFor(() => confirmed.length === 1);
    expect(confirmed[0]).toContain('✅ SK-1: 自己評価を記録しました。');
    const rows = await database.db.reviewStep.findMany({ where: { targetId: org.targets['SK-1'] as number } });
    expect(rows.map((r) => [r.step, r.grade, r.comment])).toEqual([['self', 'B', '待たされた自己評価']]);
  });

  it.runIf(provider === 'postgresql')(
    'tells the reviewer by direct message, with the grade and comment entered, when the late step fails',
    async () => {
      const modal = await openStepModal(PEOPLE.memberA2, 'SK-2');
      const lock = await holdLock();
      const notice = dmsTo(PEOPLE.memberA2);
      const comment = '<!channel> 根拠資料を添付予定';
      const res = await app.interaction(submit(PEOPLE.memberA2, modal, { grade: 'C', comment }));
      expect(res.body).toBe('');
      expect(await lock.cutOffWaiting()).toBe(1);
      await waitFor(() => notice.length === 1);
      expect(notice[0]).toContain('自己評価は記録されませんでした');
      expect(notice[0]).toContain('評価: C');
      expect(notice[0]).toContain('&lt;!channel&gt; 根拠資料を添付予定');
      expect(notice[0]).not.toContain('<!channel>');
      await lock.release();
      expect(await database.db.reviewStep.count({ where: { targetId: org.targets['SK-2'] as number } })).toBe(0);
    },
  );
});
